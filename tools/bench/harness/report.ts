/**
 * BENCHMARKS.md and bench/results/*.json from scenario results. Pure string work (the caller
 * reads and writes the files), unit-tested in report.spec.ts.
 *
 * BENCHMARKS.md keeps whatever is outside the generated block (the `bench:stats` and
 * `bench:evidence` sections, written by hand from those commands); the block between the two
 * markers is rewritten from every `bench/results/<scenario>.json`, so `--only=<name>` updates
 * one scenario's section and keeps the others'.
 */
import type { BenchFigure, ScenarioResult } from './scenario';

export const BEGIN_MARKER = '<!-- npm run bench: generated from bench/results/*.json, begin -->';
export const END_MARKER = '<!-- npm run bench: end -->';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  /** 1-minute load average when the run started: how busy the shared machine was. */
  loadAverage: number;
  node: string;
  postgres: string;
  redis: string;
  os: string;
}

/** One scenario's run as kept in bench/results/<name>.json. */
export interface ResultFile {
  scenario: ScenarioResult;
  scale: 'quick' | 'full';
  startedAt: string;
  seconds: number;
  machine: Machine;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatValue(figure: BenchFigure): string {
  const value =
    typeof figure.value === 'number'
      ? Number.isFinite(figure.value)
        ? figure.value.toLocaleString('en', { maximumFractionDigits: 2 })
        : 'n/a'
      : figure.value;
  if (!figure.unit) return value;
  return figure.unit === '×' ? `${value}×` : `${value} ${figure.unit}`;
}

function verdict(figure: BenchFigure): string {
  if (figure.target === undefined) return '';
  if (figure.met === undefined) return figure.target;
  return `${figure.target}: ${figure.met ? 'met' : '**not met**'}`;
}

export function machineLine(m: Machine): string {
  return (
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, ` +
    `PostgreSQL ${m.postgres}, Redis ${m.redis}; load average ${m.loadAverage} at the start`
  );
}

/** One scenario's section: title, when and where, the figures table, the notes. */
export function renderScenario(file: ResultFile): string {
  const { scenario } = file;
  const lines = [
    `### ${scenario.title}`,
    '',
    `Run \`${scenario.command}\` (scale \`${file.scale}\`) on ${file.startedAt.slice(0, 16).replace('T', ' ')} UTC, ` +
      `${Math.round(file.seconds)} s. Machine: ${machineLine(file.machine)}.`,
    '',
    '| figure | value | target |',
    '| ------ | ----: | ------ |',
    ...scenario.figures.map(
      (f) => `| ${cell(f.label)} | ${cell(formatValue(f))} | ${cell(verdict(f))} |`,
    ),
  ];
  if (scenario.notes?.length) lines.push('', ...scenario.notes);
  return lines.join('\n');
}

/** Targets over all scenarios: how many were met, and which were not. */
export function targetSummary(files: readonly ResultFile[]): string {
  const judged = files.flatMap((f) =>
    f.scenario.figures
      .filter((x) => x.met !== undefined)
      .map((x) => ({ scenario: f.scenario.name, figure: x })),
  );
  if (judged.length === 0) return 'No targets judged.';
  const missed = judged.filter((j) => !j.figure.met);
  const head = `Targets met: ${judged.length - missed.length} of ${judged.length}.`;
  if (missed.length === 0) return head;
  return [
    head,
    'Not met:',
    '',
    ...missed.map(
      (j) =>
        `- \`${j.scenario}\`: ${j.figure.label} = ${formatValue(j.figure)} (target ${j.figure.target})`,
    ),
  ].join('\n');
}

/** The generated block: how to run, the summary of targets, one section per scenario. */
export function renderBlock(files: readonly ResultFile[]): string {
  const sorted = [...files].sort((a, b) => a.scenario.name.localeCompare(b.scenario.name));
  const body = [
    BEGIN_MARKER,
    '',
    '## `npm run bench`: each scenario beside its baseline',
    '',
    'One command, `npm run bench`, builds, starts its own PostgreSQL (embedded, free port, ' +
      'scratch data directory) and its own `redis-server` (free port, no persistence), then ' +
      'runs every scenario in `tools/bench/scenarios/` against the built API and worker ' +
      '(`dist/`) and, where there is one, the raw baseline (`tools/bench/baseline/`) in the ' +
      'same run: the machine is shared and noisy, so the ratios to the baseline measured ' +
      'minutes apart are what counts, not the absolute figures. `npm run bench -- --only=<name>` ' +
      'runs one scenario; `BENCH_SCALE=quick` runs small volumes as a smoke test (its results ' +
      'go to `bench/quick/`, not here). Raw figures: `bench/results/<scenario>.json`.',
    '',
    targetSummary(sorted),
    '',
    ...sorted.flatMap((f) => [renderScenario(f), '']),
    END_MARKER,
  ];
  return body.join('\n');
}

const HEADER = '# Benchmarks';

/**
 * The new BENCHMARKS.md: `existing` with its generated block replaced (or inserted under the
 * title when there is none yet); everything else is kept as it was.
 */
export function updateBenchmarks(existing: string, files: readonly ResultFile[]): string {
  const block = renderBlock(files);
  const begin = existing.indexOf(BEGIN_MARKER);
  const end = existing.indexOf(END_MARKER);
  if (begin >= 0 && end > begin) {
    return existing.slice(0, begin) + block + existing.slice(end + END_MARKER.length);
  }
  const text = existing.trim() === '' ? `${HEADER}\n` : existing;
  const lines = text.split('\n');
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title < 0) return `${HEADER}\n\n${block}\n\n${text}`;
  const before = lines.slice(0, title + 1).join('\n');
  const after = lines
    .slice(title + 1)
    .join('\n')
    .replace(/^\n+/, '');
  return `${before}\n\n${block}\n${after === '' ? '' : `\n${after}`}`;
}
