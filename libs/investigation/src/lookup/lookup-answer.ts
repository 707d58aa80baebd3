import type { LookupBucket } from '@app/common';

/**
 * How many matching reports the lookup reads at most: enough to tell `many` (10+) from
 * `several`, and no more, so a pyramid's number named by 20,000 reports costs ten index entries.
 */
export const LOOKUP_COUNT_CAP = 10;

/** The bucket of a distinct-report count (DESIGN: few 1–2, several 3–9, many 10+). */
export function lookupBucket(reports: number): LookupBucket {
  if (reports <= 0) return 'none';
  if (reports <= 2) return 'few';
  if (reports < LOOKUP_COUNT_CAP) return 'several';
  return 'many';
}

/** The month of the latest report, given only from `several` on (fewer could name a person). */
export function lastReportedMonth(bucket: LookupBucket, month: string | null): string | null {
  return bucket === 'several' || bucket === 'many' ? month : null;
}
