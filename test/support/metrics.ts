import { spawnSync } from 'node:child_process';

/**
 * The value of one sample in Prometheus text exposition, or undefined when it is absent.
 * `labels` must match exactly the sample's label set (order as written is irrelevant).
 */
export function sampleValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [
        l[1],
        l[2],
      ]),
    );
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) {
      return Number(m[3]);
    }
  }
  return undefined;
}

/** The label sets of every sample of `name`. */
export function sampleLabels(text: string, name: string): Array<Record<string, string>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .map((line) =>
      Object.fromEntries(
        [...line.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [
          l[1],
          l[2],
        ]),
      ),
    );
}

/**
 * prom-client's default gauges named `*_total` (its names, not ours): promtool's lint flags
 * them, and `collectDefaultMetrics` cannot leave single ones out.
 */
const PROM_CLIENT_LINT_EXCEPTIONS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * `promtool check metrics` on an exposition: the problems it reports (empty when it passes),
 * minus the lint of prom-client's own default metric names; a parse failure is always kept.
 * `skipped` when promtool is not installed (.ci/run installs the Debian `prometheus` package).
 */
export function promtoolCheckMetrics(text: string): string[] | 'skipped' {
  const res = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') return 'skipped';
  if (res.status === 0) return [];
  const problems = `${res.stdout}${res.stderr}`.split('\n').filter(Boolean);
  // Exit 3 is lint only; anything else (1: unparsable exposition) fails as a whole.
  if (res.status !== 3) return problems.length ? problems : [`promtool exited ${res.status}`];
  return problems.filter((line) => !PROM_CLIENT_LINT_EXCEPTIONS.includes(line.split(' ')[0]));
}
