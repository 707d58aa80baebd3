/** `FR-YYYY-NNNNNN`; the number grows past six digits rather than wrapping. */
export function formatReference(year: number, sequence: number): string {
  return `FR-${year}-${sequence.toString().padStart(6, '0')}`;
}

// The shape lives in @app/common: the per-reference rate limit (identity) keys on it too.
export { normalizeReference } from '@app/common';

/** Calendar year of an instant in the reporting time zone (a report at 00:30 on 1 January). */
export function yearIn(timeZone: string, at: Date): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at);
  return Number.parseInt(year, 10);
}
