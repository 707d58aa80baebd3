import fc from 'fast-check';
import { LOOKUP_BUCKETS } from '@app/common';
import { lastReportedMonth, LOOKUP_COUNT_CAP, lookupBucket } from './lookup-answer';

describe('lookup answer', () => {
  it('buckets counts as DESIGN says: none, few 1–2, several 3–9, many 10+', () => {
    const expected: Record<number, string> = { 0: 'none', 1: 'few', 2: 'few', 3: 'several' };
    for (let n = 4; n <= 9; n += 1) expected[n] = 'several';
    expected[10] = 'many';
    expected[20_000] = 'many';
    for (const [n, bucket] of Object.entries(expected))
      expect(lookupBucket(Number(n))).toBe(bucket);
  });

  it('needs no count above the cap: the bucket of the capped count is the bucket', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (n) => {
        expect(lookupBucket(Math.min(n, LOOKUP_COUNT_CAP))).toBe(lookupBucket(n));
        expect(LOOKUP_BUCKETS).toContain(lookupBucket(n));
      }),
    );
  });

  it('gives the month only from several on', () => {
    expect(lastReportedMonth('none', '2026-03')).toBeNull();
    expect(lastReportedMonth('few', '2026-03')).toBeNull();
    expect(lastReportedMonth('several', '2026-03')).toBe('2026-03');
    expect(lastReportedMonth('many', '2026-03')).toBe('2026-03');
  });
});
