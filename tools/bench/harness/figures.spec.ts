import {
  atLeast,
  atMost,
  describeTarget,
  growthMb,
  isFlat,
  meets,
  percentile,
  processMemory,
  ratio,
  round,
  thirds,
} from './figures';

describe('bench figures', () => {
  it('takes nearest-rank percentiles without sorting the input in place', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 50)).toBe(3);
    expect(percentile(values, 99)).toBe(5);
    expect(percentile(values, 0)).toBe(1);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(percentile([], 50)).toBeNaN();
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
  });

  it('gives the ratio to a baseline, NaN without one', () => {
    expect(ratio(210, 300)).toBeCloseTo(0.7);
    expect(ratio(1, 0)).toBeNaN();
    expect(round(0.70499, 2)).toBe(0.7);
    expect(round(Number.NaN, 2)).toBeNaN();
  });

  it('judges targets at their limit and never for a missing value', () => {
    expect(meets(0.7, atLeast(0.7))).toBe(true);
    expect(meets(0.69, atLeast(0.7))).toBe(false);
    expect(meets(150, atMost(150))).toBe(true);
    expect(meets(150.1, atMost(150))).toBe(false);
    expect(meets(Number.NaN, atMost(150))).toBe(false);
    expect(describeTarget(atLeast(0.7), '×')).toBe('≥ 0.7×');
    expect(describeTarget(atMost(150), 'ms')).toBe('≤ 150 ms');
    expect(describeTarget(atMost(1))).toBe('≤ 1');
  });

  it('calls memory flat when the last third is within the tolerance of the first', () => {
    expect(growthMb([100, 101, 99, 100, 102, 101, 100, 101, 102])).toBe(1);
    expect(isFlat([100, 101, 99, 100, 102, 101, 100, 101, 102], 10)).toBe(true);
    expect(isFlat([100, 110, 120, 130, 140, 150], 10)).toBe(false);
    expect(growthMb([100, 300])).toBe(0);
  });

  it('takes the medians of the first and the last third of a series', () => {
    expect(thirds([1, 2, 3, 10, 10, 10, 7, 8, 9])).toEqual({ first: 2, last: 8 });
    expect(thirds([1, 2])).toEqual({ first: Number.NaN, last: Number.NaN });
  });

  it('reads the heap and external memory from a Prometheus exposition', () => {
    const text = [
      '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.',
      '# TYPE nodejs_heap_size_total_bytes gauge',
      'nodejs_heap_size_total_bytes 73400320',
      'nodejs_heap_size_used_bytes 52428800',
      'nodejs_heap_space_size_used_bytes{space="old"} 1',
      'nodejs_external_memory_bytes 4194304',
    ].join('\n');
    expect(processMemory(text)).toEqual({
      heapUsed: 52428800,
      heapTotal: 73400320,
      external: 4194304,
    });
    expect(processMemory('').heapUsed).toBeNaN();
  });
});
