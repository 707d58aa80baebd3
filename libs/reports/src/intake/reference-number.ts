/** `FR-YYYY-NNNNNN`; the number grows past six digits rather than wrapping. */
export function formatReference(year: number, sequence: number): string {
  return `FR-${year}-${sequence.toString().padStart(6, '0')}`;
}

const REFERENCE_PATTERN = /^FR-[0-9]{4}-[0-9]{6,9}$/;

/** Upper-cased and trimmed when it has the shape of a reference, else null. */
export function normalizeReference(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const reference = input.trim().toUpperCase();
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}

/** Calendar year of an instant in the reporting time zone (a report at 00:30 on 1 January). */
export function yearIn(timeZone: string, at: Date): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at);
  return Number.parseInt(year, 10);
}
