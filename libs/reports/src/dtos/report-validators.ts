import { buildMessage, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { normalizeSuspectIdentifier, parseIsoDateTime, SUSPECT_TYPES } from '@app/common';
import type { SuspectType } from '@app/common';

// C0 controls except tab/newline/carriage return, DEL, C1 controls and U+2028/2029: PostgreSQL
// rejects NUL outright and the rest only hide text from the people who read the report.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Text a person typed: a string with something besides whitespace and no control characters. */
export function isPlainText(value: unknown, multiline = false): boolean {
  if (typeof value !== 'string' || value.trim().length === 0) return false;
  return !(multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

export function IsPlainText(
  options: { multiline?: boolean } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const multiline = options.multiline ?? false;
  return ValidateBy(
    {
      name: 'isPlainText',
      validator: {
        validate: (value: unknown): boolean => isPlainText(value, multiline),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be non-blank text without control characters`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** Earliest instant any date of a report may name; older dates are typing mistakes. */
export const EARLIEST_DATE = new Date('1970-01-01T00:00:00Z');

/** Only the lower bound: a value that is not a date at all is reported by `IsNotInFuture`. */
export function isNotBeforeEarliest(value: unknown): boolean {
  const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
  return date === null || date.getTime() >= EARLIEST_DATE.getTime();
}

export function IsNotBeforeEarliest(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBeforeEarliest',
      validator: {
        validate: isNotBeforeEarliest,
        defaultMessage: buildMessage(
          (each) => `${each}$property must not be before 1970-01-01`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

function isSuspectType(type: unknown): type is SuspectType {
  return typeof type === 'string' && (SUSPECT_TYPES as readonly string[]).includes(type);
}

const SUSPECT_VALUE_HINT: Record<SuspectType, string> = {
  phone: 'a Kazakhstan phone number such as +77011234567',
  card: 'a card number of 13–19 digits passing the Luhn check',
  iban: 'an IBAN with valid check digits',
  url: 'a web address with a valid host name',
  messenger: 'a messenger handle or phone number',
  email: 'an e-mail address',
  crypto_wallet: 'a crypto wallet address',
  social_profile: 'a social network profile link or handle',
};

/**
 * The suspect's `value` must normalise for its `type` (phones, cards with Luhn, IBANs with
 * check digits …). With an unknown type only the type is reported.
 */
export function isSuspectValue(value: unknown, type: unknown): boolean {
  if (!isSuspectType(type)) return true;
  return typeof value === 'string' && normalizeSuspectIdentifier(type, value) !== null;
}

export function IsSuspectValue(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSuspectValue',
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          isSuspectValue(value, (args?.object as { type?: unknown } | undefined)?.type),
        defaultMessage: (args?: ValidationArguments): string => {
          const type = (args?.object as { type?: unknown } | undefined)?.type;
          const hint = isSuspectType(type) ? SUSPECT_VALUE_HINT[type] : 'a valid identifier';
          return `${args?.property ?? 'value'} must be ${hint}`;
        },
      },
    },
    validationOptions,
  );
}

/**
 * A field that only a report of one fraud type may carry (the `loan` of a `fake_loan`).
 * Absent (undefined or null) always passes.
 */
export function OnlyForFraudType(
  fraudType: string,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'onlyForFraudType',
      constraints: [fraudType],
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean => {
          if (value === undefined || value === null) return true;
          const incident = (args?.object as { incident?: unknown } | undefined)?.incident;
          return (
            typeof incident === 'object' &&
            incident !== null &&
            (incident as { fraudType?: unknown }).fraudType === fraudType
          );
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property is only allowed when incident.fraudType is ${fraudType}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** The contact each notice choice needs (docs/notices.md): email/both an email, sms/both a phone. */
export function notifyContactProblem(
  notify: unknown,
  reporter: { email?: unknown; phone?: unknown },
): string | null {
  const has = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  if ((notify === 'email' || notify === 'both') && !has(reporter.email)) {
    return `notify ${notify} needs an email`;
  }
  if ((notify === 'sms' || notify === 'both') && !has(reporter.phone)) {
    return `notify ${notify} needs a phone`;
  }
  return null;
}

export function NotifyHasContact(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notifyHasContact',
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          notifyContactProblem(value, (args?.object ?? {}) as Record<string, unknown>) === null,
        defaultMessage: (args?: ValidationArguments): string =>
          notifyContactProblem(args?.value, (args?.object ?? {}) as Record<string, unknown>) ??
          'notify needs a contact',
      },
    },
    validationOptions,
  );
}
