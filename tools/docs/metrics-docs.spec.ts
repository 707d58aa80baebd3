import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC } from '@app/common';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const names = Object.values(METRIC) as string[];
/** Series names a query may use: each metric, a histogram's _bucket/_count/_sum, and `up`. */
const known = new Set([
  'up',
  ...names.flatMap((n) => [n, `${n}_bucket`, `${n}_count`, `${n}_sum`]),
]);

/** Metric-looking identifiers of PromQL expressions (functions and keywords left out). */
function seriesNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""').replace(/\{[^}]*\}/g, '');
  return [...withoutStrings.matchAll(/\b(fraud_[a-z_]+|http_[a-z_]+|up)\b/g)].map((m) => m[1]);
}

describe('docs/metrics.md, the dashboard and the alert rules follow METRIC', () => {
  const doc = read('docs/metrics.md');
  const alertsYml = read('deploy/prometheus/alerts.yml');
  const dashboard = JSON.parse(read('deploy/grafana/fraud-service.json')) as {
    panels: Array<{ targets?: Array<{ expr: string }> }>;
  };
  const dashboardExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  const alertNames = [...alertsYml.matchAll(/^\s*- alert: (\S+)/gm)].map((m) => m[1]);
  const alertExprs = alertsYml
    .split(/^\s*- alert: /m)
    .slice(1)
    .map((rule) => /expr: (\|\n[\s\S]*?(?=\n\s+for:|\n\s+labels:)|.*)/.exec(rule)?.[1] ?? '');

  it('documents every metric', () => {
    for (const name of names) expect(doc).toContain(`| \`${name}\``);
  });

  it('documents every alert rule', () => {
    expect(alertNames.length).toBeGreaterThan(5);
    for (const alert of alertNames) expect(doc).toContain(`| \`${alert}\``);
  });

  it('shows every metric on the dashboard', () => {
    const used = new Set(dashboardExprs.flatMap(seriesNames));
    for (const name of names) {
      expect([name, `${name}_bucket`, `${name}_count`].some((n) => used.has(n))).toBe(true);
    }
  });

  it('queries only metrics that exist', () => {
    expect(alertExprs).toHaveLength(alertNames.length);
    const used = [...dashboardExprs, ...alertExprs].flatMap(seriesNames);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((n) => !known.has(n))).toEqual([]);
    expect(seriesNames('rate(fraud_made_up_total[5m])')).toEqual(['fraud_made_up_total']);
  });
});
