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
  const { first, last } = thirds(samplesMb);
  return last - first;
}

/** The first third's and the last third's medians of a series; NaN for under three samples. */
export function thirds(samples: readonly number[]): { first: number; last: number } {
  if (samples.length < 3) return { first: Number.NaN, last: Number.NaN };
  const third = Math.floor(samples.length / 3);
  return {
    first: percentile(samples.slice(0, third), 50),
    last: percentile(samples.slice(samples.length - third), 50),
  };
}

/** Where a Node process's memory is, as prom-client's default metrics give it (bytes). */
export interface ProcessMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/**
 * The V8 heap (used, total) and the memory outside it (Buffers and other native
 * allocations V8 knows of) from a Prometheus text exposition; NaN for a series not there.
 */
export function processMemory(metricsText: string): ProcessMemory {
  const value = (name: string) => {
    const line = metricsText.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? Number.NaN : Number(line.slice(name.length + 1).trim());
  };
  return {
    heapUsed: value('nodejs_heap_size_used_bytes'),
    heapTotal: value('nodejs_heap_size_total_bytes'),
    external: value('nodejs_external_memory_bytes'),
  };
}
