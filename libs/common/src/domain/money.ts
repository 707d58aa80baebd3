/**
 * Exact money: amounts are integer tiyn (1 KZT = 100 tiyn) held as `bigint` and carried at the
 * edge as decimal strings with two places. Nothing here may touch JS floating point, which is
 * why the spec greps this file for float conversions.
 */
export type Money = bigint;

export class MoneyFormatError extends Error {
  readonly code = 'MONEY_FORMAT';

  constructor(message: string) {
    super(message);
    this.name = 'MoneyFormatError';
  }
}

const TIYN_PER_KZT = 100n;
const MAX_AMOUNT_TIYN = 100_000_000_000_000n;

// No sign, no exponent, no spaces; the integer part is "0" or has no leading zero.
const AMOUNT_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;
const DB_INTEGER_PATTERN = /^-?[0-9]+$/;
// Longer inputs cannot be valid amounts; the cap keeps hostile input cheap to reject.
const MAX_INPUT_LENGTH = 40;

function parse(input: string): bigint {
  if (typeof input !== 'string') {
    throw new MoneyFormatError('amount must be a decimal string such as "12500.00"');
  }
  if (input.length === 0 || input.length > MAX_INPUT_LENGTH) {
    throw new MoneyFormatError(
      `amount must be a non-empty decimal string of at most ${MAX_INPUT_LENGTH} characters`,
    );
  }
  const match = AMOUNT_PATTERN.exec(input);
  if (match === null) {
    throw new MoneyFormatError(
      `"${input}" is not a valid amount: use digits with at most two decimals, ` +
        'no sign, exponent, spaces or leading zeros (e.g. "12500" or "12500.50")',
    );
  }
  const whole = BigInt(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return whole * TIYN_PER_KZT + BigInt(fraction);
}

function tryParse(input: string): bigint | null {
  try {
    return parse(input);
  } catch (error) {
    if (error instanceof MoneyFormatError) return null;
    throw error;
  }
}

/** Parses a client amount that must be > 0 and ≤ `max` (default: the product-wide maximum). */
function parseAmount(input: string, max: bigint = MAX_AMOUNT_TIYN): bigint {
  const tiyn = parse(input);
  if (tiyn <= 0n) {
    throw new MoneyFormatError('amount must be greater than 0');
  }
  if (tiyn > max) {
    throw new MoneyFormatError(`amount must be at most ${format(max)}`);
  }
  return tiyn;
}

function format(tiyn: bigint): string {
  if (typeof tiyn !== 'bigint') {
    throw new MoneyFormatError('amount to format must be a bigint number of tiyn');
  }
  if (tiyn < 0n) return `-${format(-tiyn)}`;
  const whole = tiyn / TIYN_PER_KZT;
  const fraction = (tiyn % TIYN_PER_KZT).toString().padStart(2, '0');
  return `${whole.toString()}.${fraction}`;
}

/** pg returns `bigint` and `numeric` aggregates as strings; integers only, never fractions. */
function fromDb(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new MoneyFormatError(`database amount ${String(value)} is not a safe integer`);
    }
    return BigInt(value);
  }
  if (typeof value === 'string' && DB_INTEGER_PATTERN.test(value)) {
    return BigInt(value);
  }
  throw new MoneyFormatError(`database amount "${String(value)}" is not an integer of tiyn`);
}

function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export const Money = {
  TIYN_PER_KZT,
  MAX_AMOUNT_TIYN,
  parse,
  tryParse,
  parseAmount,
  format,
  fromDb,
  sum,
  min,
  max,
} as const;

/** Structural copy of TypeORM's ValueTransformer so this lib stays free of typeorm. */
export interface BigintColumnTransformer {
  to(value: bigint | string | number | null | undefined): string | null | undefined;
  from(value: string | number | bigint | null | undefined): bigint | null;
}

export const bigintTransformer: BigintColumnTransformer = {
  // `undefined` passes through so TypeORM still applies column defaults on insert.
  to: (value) => (value === null || value === undefined ? value : fromDb(value).toString()),
  from: (value) => (value === null || value === undefined ? null : fromDb(value)),
};
