/**
 * The pure arithmetic of `npm run bench`: percentiles, ratios to a baseline and whether a
 * target is met. Kept apart from the process handling so it is unit-tested
 * (figures.spec.ts).
 */

/** The p-th percentile (nearest rank) of values; NaN for none. Does not modify `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** `value / baseline`, NaN when the baseline is not positive. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : Number.NaN;
}

/** Rounds to `digits` decimals (for figures shown and kept in JSON). */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A target written as the issue writes it: `at least` or `at most` a limit. */
export interface Target {
  kind: 'atLeast' | 'atMost';
  limit: number;
}

export const atLeast = (limit: number): Target => ({ kind: 'atLeast', limit });
export const atMost = (limit: number): Target => ({ kind: 'atMost', limit });

/** Whether `value` meets the target; a value that is not a number never does. */
export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  return target.kind === 'atLeast' ? value >= target.limit : value <= target.limit;
}

/** "≥ 0.7×", "≤ 150 ms": the target as BENCHMARKS.md shows it. */
export function describeTarget(target: Target, unit = ''): string {
  const sign = target.kind === 'atLeast' ? '≥' : '≤';
  const suffix = unit === '' ? '' : unit === '×' ? '×' : ` ${unit}`;
  return `${sign} ${target.limit}${suffix}`;
}

/**
 * Whether a series of memory samples is flat: the growth from the first third's median to
 * the last third's median is at most `toleranceMb`. Sample values in MB.
 */
export function isFlat(samplesMb: readonly number[], toleranceMb: number): boolean {
  return growthMb(samplesMb) <= toleranceMb;
}

/** The last third's median minus the first third's median (MB); 0 for under three samples. */
export function growthMb(samplesMb: readonly number[]): number {
  if (samplesMb.length < 3) return 0;
  const third = Math.floor(samplesMb.length / 3);
  const first = percentile(samplesMb.slice(0, third), 50);
  const last = percentile(samplesMb.slice(samplesMb.length - third), 50);
  return last - first;
}
