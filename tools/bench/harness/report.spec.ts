import type { ResultFile } from './report';
import { BEGIN_MARKER, END_MARKER, formatValue, renderBlock, updateBenchmarks } from './report';

const machine = {
  cpus: 2,
  cpuModel: 'AMD EPYC',
  memoryGiB: 24,
  loadAverage: 3.2,
  node: 'v20.20.2',
  postgres: '18.0',
  redis: '7.0.15',
  os: 'Linux 6',
};

function result(name: string, met: boolean): ResultFile {
  return {
    scale: 'full',
    startedAt: '2026-12-02T07:00:00.000Z',
    seconds: 61.4,
    machine,
    scenario: {
      name,
      title: `Scenario ${name}`,
      command: `npm run bench -- --only=${name}`,
      figures: [
        { label: 'API ÷ raw', value: met ? 0.81 : 0.41, unit: '×', target: '≥ 0.7×', met },
        { label: 'p50 | p99', value: '12 / 80', unit: 'ms' },
      ],
      notes: ['How it was measured.'],
    },
  };
}

describe('BENCHMARKS.md writer', () => {
  it('formats figures with their unit', () => {
    expect(formatValue({ label: 'x', value: 0.5, unit: '×' })).toBe('0.5×');
    expect(formatValue({ label: 'x', value: 1234.567, unit: 'ms' })).toBe('1,234.57 ms');
    expect(formatValue({ label: 'x', value: Number.NaN })).toBe('n/a');
    expect(formatValue({ label: 'x', value: 'a / b' })).toBe('a / b');
  });

  it('renders each scenario with its targets judged and a summary of the misses', () => {
    const block = renderBlock([result('b', false), result('a', true)]);
    expect(block.startsWith(BEGIN_MARKER)).toBe(true);
    expect(block.endsWith(END_MARKER)).toBe(true);
    expect(block).toContain('Targets met: 1 of 2.');
    expect(block).toContain('- `b`: API ÷ raw = 0.41× (target ≥ 0.7×)');
    expect(block).toContain('| API ÷ raw | 0.81× | ≥ 0.7×: met |');
    expect(block).toContain('| API ÷ raw | 0.41× | ≥ 0.7×: **not met** |');
    // A pipe inside a cell would split the table row.
    expect(block).toContain('| p50 \\| p99 | 12 / 80 ms |');
    expect(block).toContain('Node v20.20.2, PostgreSQL 18.0, Redis 7.0.15');
    expect(block.indexOf('### Scenario a')).toBeLessThan(block.indexOf('### Scenario b'));
  });

  it('inserts the block under the title and keeps the hand-written sections', () => {
    const existing = '# Benchmarks\n\n## Supervisor totals\n\nFigures.\n';
    const first = updateBenchmarks(existing, [result('a', true)]);
    expect(first.startsWith('# Benchmarks\n\n<!--')).toBe(true);
    expect(first).toContain('## Supervisor totals\n\nFigures.\n');
    const second = updateBenchmarks(first, [result('a', false)]);
    expect(second.split(BEGIN_MARKER)).toHaveLength(2);
    expect(second).toContain('**not met**');
    expect(second).toContain('## Supervisor totals\n\nFigures.\n');
    expect(updateBenchmarks('', [])).toContain('# Benchmarks');
  });
});
