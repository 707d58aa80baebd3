/**
 * Kazakh individual identification number (IIN): YYMMDD, a century/sex digit, a four-digit
 * serial and a control digit.
 */

const IIN_PATTERN = /^[0-9]{12}$/;
const PRIMARY_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECONDARY_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** 1/2: born in the 1800s, 3/4: 1900s, 5/6: 2000s (odd male, even female); 0: foreign citizen. */
const CENTURY_BY_DIGIT: Readonly<Record<number, number | null>> = {
  0: null,
  1: 1800,
  2: 1800,
  3: 1900,
  4: 1900,
  5: 2000,
  6: 2000,
};

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i += 1) total += digits[i] * weights[i];
  return total % 11;
}

/** Control digit for the first eleven digits, or null when both passes give 10 (no valid IIN). */
export function iinControlDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) {
    throw new RangeError('IIN control digit needs exactly eleven digits');
  }
  const digits = [...first11].map((char) => char.charCodeAt(0) - 48);
  const primary = weightedMod11(digits, PRIMARY_WEIGHTS);
  if (primary !== 10) return primary;
  const secondary = weightedMod11(digits, SECONDARY_WEIGHTS);
  return secondary === 10 ? null : secondary;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function birthDateParts(iin: string): { yy: number; month: number; day: number; digit: number } {
  return {
    yy: Number.parseInt(iin.slice(0, 2), 10),
    month: Number.parseInt(iin.slice(2, 4), 10),
    day: Number.parseInt(iin.slice(4, 6), 10),
    digit: Number.parseInt(iin[6], 10),
  };
}

export function isValidIin(iin: string): boolean {
  if (typeof iin !== 'string' || !IIN_PATTERN.test(iin)) return false;
  const { yy, month, day, digit } = birthDateParts(iin);
  if (!(digit in CENTURY_BY_DIGIT)) return false;
  const century = CENTURY_BY_DIGIT[digit];
  // A foreign citizen's IIN does not say the century: accept a date valid in any of them.
  const centuries = century === null ? [1800, 1900, 2000] : [century];
  if (!centuries.some((c) => isCalendarDate(c + yy, month, day))) return false;
  const control = iinControlDigit(iin.slice(0, 11));
  return control !== null && control === iin.charCodeAt(11) - 48;
}

/** Date of birth (UTC midnight) of a valid IIN, or null when invalid or the century is unknown. */
export function iinBirthDate(iin: string): Date | null {
  if (!isValidIin(iin)) return null;
  const { yy, month, day, digit } = birthDateParts(iin);
  const century = CENTURY_BY_DIGIT[digit];
  if (century === null || century === undefined) return null;
  const date = new Date(0);
  date.setUTCFullYear(century + yy, month - 1, day);
  return date;
}

/**
 * Builds a valid IIN for tests and seeding from a birth date (UTC parts), a century/sex digit
 * (0–6) and a serial (0–9999). Some serials admit no control digit; the next serial that does
 * (wrapping at 9999) is used instead.
 */
export function generateValidIin(birth: Date, sexCentury: number, serial: number): string {
  if (!Number.isInteger(sexCentury) || !(sexCentury in CENTURY_BY_DIGIT)) {
    throw new RangeError('sexCentury must be an integer from 0 to 6');
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError('serial must be an integer from 0 to 9999');
  }
  if (Number.isNaN(birth.getTime())) throw new RangeError('birth must be a valid date');
  const year = birth.getUTCFullYear();
  const century = CENTURY_BY_DIGIT[sexCentury];
  if (century !== null && century !== undefined && (year < century || year >= century + 100)) {
    throw new RangeError(`sexCentury ${sexCentury} does not match birth year ${year}`);
  }
  if (year < 1800 || year > 2099) throw new RangeError('birth year must be 1800–2099');
  const two = (n: number): string => n.toString().padStart(2, '0');
  const prefix = `${two(year % 100)}${two(birth.getUTCMonth() + 1)}${two(birth.getUTCDate())}${sexCentury}`;
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const first11 = prefix + ((serial + attempt) % 10_000).toString().padStart(4, '0');
    const control = iinControlDigit(first11);
    if (control !== null) return `${first11}${control}`;
  }
  throw new RangeError('no serial yields a valid IIN control digit');
}
