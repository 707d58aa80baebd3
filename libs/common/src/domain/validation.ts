import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

import { normalizeKzPhone, classifyAccount, isValidIban } from './identifiers';
import { isValidIin } from './iin';
import { Money } from './money';
import { parseDate } from './period';

export const DEFAULT_CLOCK_SKEW_MS = 60_000;

// Date-time with an explicit offset: without one the instant would depend on the server's zone.
const ISO_DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function toInt(text: string): number {
  return Number.parseInt(text, 10);
}

/**
 * Strict ISO 8601 date-time with `Z` or `±HH:MM` (e.g. `2024-05-01T14:30:00+05:00`), checked
 * against the calendar (no `2024-02-30`). Returns null when the text is not such a date-time.
 */
export function parseIsoDateTime(value: string): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const match = ISO_DATE_TIME_PATTERN.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, , zone, zh, zm] = match;
  const year = toInt(y);
  const month = toInt(mo);
  const day = toInt(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (toInt(h) > 23 || toInt(mi) > 59 || (s !== undefined && toInt(s) > 59)) return null;
  if (zone !== 'Z' && (toInt(zh) > 23 || toInt(zm) > 59)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** A calendar date `YYYY-MM-DD` that exists (no `2026-13-45`, no `2025-02-29`), year 0001+. */
export function isCalendarDate(value: unknown): boolean {
  return typeof value === 'string' && !value.startsWith('0000') && parseDate(value) !== null;
}

export function isNotInFuture(
  value: unknown,
  now: Date = new Date(),
  skewMs: number = DEFAULT_CLOCK_SKEW_MS,
): boolean {
  if (typeof value !== 'string') return false;
  const date = parseIsoDateTime(value);
  return date !== null && date.getTime() <= now.getTime() + skewMs;
}

export function isMoneyAmount(value: unknown, max: bigint = Money.MAX_AMOUNT_TIYN): boolean {
  if (typeof value !== 'string') return false;
  const tiyn = Money.tryParse(value);
  return tiyn !== null && tiyn > 0n && tiyn <= max;
}

export function isAccountRef(value: unknown): boolean {
  return typeof value === 'string' && classifyAccount(value) !== null;
}

export function IsIin(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIin',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidIin(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a Kazakh IIN: 12 digits with a valid birth date and control digit`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsKzPhone(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKzPhone',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' && normalizeKzPhone(value) !== null,
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a Kazakhstan phone number such as +77011234567 or 8 701 123 45 67`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export interface MoneyAmountOptions {
  /** Inclusive upper bound in tiyn; defaults to Money.MAX_AMOUNT_TIYN. */
  max?: bigint;
}

export function IsMoneyAmount(
  options: MoneyAmountOptions = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const max = options.max ?? Money.MAX_AMOUNT_TIYN;
  return ValidateBy(
    {
      name: 'isMoneyAmount',
      constraints: [Money.format(max)],
      validator: {
        validate: (value: unknown): boolean => isMoneyAmount(value, max),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a decimal string with at most two decimals, greater than 0 ` +
            `and at most ${Money.format(max)}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export interface NotInFutureOptions {
  /** Allowed clock skew of the client; defaults to 60 seconds. */
  skewMs?: number;
  /** Clock override for tests. */
  now?: () => Date;
}

export function IsNotInFuture(
  options: NotInFutureOptions = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const skewMs = options.skewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const now = options.now ?? ((): Date => new Date());
  return ValidateBy(
    {
      name: 'isNotInFuture',
      validator: {
        validate: (value: unknown): boolean => isNotInFuture(value, now(), skewMs),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an ISO 8601 date-time with a time zone ` +
            '(e.g. 2024-05-01T14:30:00+05:00) that is not in the future',
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsIban(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIban',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidIban(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an IBAN with valid check digits (KZ IBANs have 20 characters)`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsAccountRef(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAccountRef',
      validator: {
        validate: (value: unknown): boolean => isAccountRef(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an IBAN, a card number (13–19 digits passing the Luhn check) ` +
            'or a Kazakhstan phone number',
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** A date `YYYY-MM-DD` that exists in the calendar (query filters such as `from`, `to`). */
export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown): boolean => isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date YYYY-MM-DD`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
