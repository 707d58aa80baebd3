/** `FR-YYYY-NNNNNN`; the number grows past six digits rather than wrapping. */
export function formatReference(year: number, sequence: number): string {
  return `FR-${year}-${sequence.toString().padStart(6, '0')}`;
}

// The shape lives in @app/common: the per-reference rate limit (identity) keys on it too.
export { normalizeReference } from '@app/common';

/**
 * One formatter per time zone (in practice one: REPORTING_TIME_ZONE). A new Intl.DateTimeFormat
 * per report cost CPU and ~28 KB of native ICU memory each that V8's heap does not count, so
 * the GC felt no pressure to free it: the API's RSS grew by hundreds of MB over a few thousand
 * reports (BENCHMARKS.md, intake memory).
 */
const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** Calendar year of an instant in the reporting time zone (a report at 00:30 on 1 January). */
export function yearIn(timeZone: string, at: Date): number {
  let format = yearFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number.parseInt(format.format(at), 10);
}
