/**
 * Intake throughput: `POST /api/v1/reports` of the built API beside the raw baseline
 * (tools/bench/baseline/raw-intake.ts: node:http + pg, same SQL, schema and crypto), both on
 * the same database, at 32 and 64 connections, a fresh valid report per request. The two
 * alternate (raw, API, raw, API …) so drift in the machine's load hits both alike.
 */
import type { HarnessEnv } from '../harness/bench-env';
import { atLeast, atMost, describeTarget, meets, ratio, round } from '../harness/figures';
import { runLoad } from '../harness/load';
import type { LoadFigures } from '../harness/load';
import { reportJson } from '../harness/report-body';
import type {
  BenchApi,
  BenchEnv,
  BenchFigure,
  Scenario,
  ScenarioResult,
} from '../harness/scenario';

export const INTAKE_PATH = '/api/v1/reports';
const RATIO_TARGET = atLeast(0.7);
const P99_TARGET = atMost(150);

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean of the rounds of one side at one connection count. */
export function combine(rounds: readonly LoadFigures[]) {
  return {
    perSecond: round(mean(rounds.map((r) => r.perSecond))),
    p50Ms: round(mean(rounds.map((r) => r.p50Ms))),
    p99Ms: round(mean(rounds.map((r) => r.p99Ms))),
    failed: rounds.reduce((a, r) => a + r.failed, 0),
    ok: rounds.reduce((a, r) => a + r.ok, 0),
  };
}

async function load(
  env: BenchEnv,
  target: BenchApi,
  label: string,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const figures = await runLoad({
    url: target.url,
    path: INTAKE_PATH,
    connections,
    seconds,
    body: () => reportJson(),
    onTick: (done) => env.progress(label, done),
  });
  env.log(
    `  ${label}: ${figures.perSecond}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms` +
      (figures.failed ? `, ${figures.failed} failed ${JSON.stringify(figures.statusCounts)}` : ''),
  );
  return figures;
}

export const intake: Scenario = {
  name: 'intake',
  title: 'Intake: POST /reports beside a raw node:http + pg server',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const quick = env.scale === 'quick';
    const seconds = quick ? 3 : 15;
    const rounds = quick ? 1 : 2;
    const raw = await env.startBaseline('raw-intake');
    const api = await env.startApi();
    // Warm both (JIT, pools, the first rows of the counter) before anything is measured.
    await load(env, raw, 'warm-up raw', 8, quick ? 1 : 3);
    await load(env, api, 'warm-up API', 8, quick ? 1 : 3);
    const runs: Record<string, { raw: LoadFigures[]; api: LoadFigures[] }> = {};
    for (const connections of [32, 64]) {
      const side = (runs[connections] = { raw: [] as LoadFigures[], api: [] as LoadFigures[] });
      for (let i = 0; i < rounds; i += 1) {
        side.raw.push(await load(env, raw, `raw ×${connections} #${i + 1}`, connections, seconds));
        side.api.push(await load(env, api, `API ×${connections} #${i + 1}`, connections, seconds));
      }
    }
    const apiRss = await api.rssBytes();
    const rawRss = await raw.rssBytes();
    await api.stop();
    await raw.stop();
    const figures: BenchFigure[] = [];
    for (const connections of [32, 64]) {
      const a = combine(runs[connections].api);
      const r = combine(runs[connections].raw);
      const x = round(ratio(a.perSecond, r.perSecond), 2);
      const judged = connections === 32;
      figures.push(
        { label: `raw, ${connections} connections`, value: r.perSecond, unit: 'reports/s' },
        {
          label: `raw p50 / p99, ${connections} connections`,
          value: `${r.p50Ms} / ${r.p99Ms}`,
          unit: 'ms',
        },
        { label: `API, ${connections} connections`, value: a.perSecond, unit: 'reports/s' },
        {
          label: `API p50 / p99, ${connections} connections`,
          value: `${a.p50Ms} / ${a.p99Ms}`,
          unit: 'ms',
        },
        {
          label: `API ÷ raw, ${connections} connections`,
          value: x,
          unit: '×',
          ...(judged
            ? { target: describeTarget(RATIO_TARGET, '×'), met: meets(x, RATIO_TARGET) }
            : {}),
        },
      );
      if (judged) {
        figures.push({
          label: 'API p99, 32 connections',
          value: a.p99Ms,
          unit: 'ms',
          target: describeTarget(P99_TARGET, 'ms'),
          met: meets(a.p99Ms, P99_TARGET),
        });
      }
      if (a.failed + r.failed > 0) {
        figures.push({
          label: `failed requests, ${connections} connections (API / raw)`,
          value: `${a.failed} / ${r.failed}`,
        });
      }
    }
    figures.push({
      label: 'RSS after the runs (API / raw)',
      value: `${Math.round(apiRss / 2 ** 20)} / ${Math.round(rawRss / 2 ** 20)}`,
      unit: 'MB',
    });
    return {
      name: 'intake',
      title: this.title,
      command: 'npm run bench -- --only=intake',
      figures,
      notes: [
        `Method: autocannon, ${rounds} round(s) of ${seconds} s per side and connection count, ` +
          'raw and API alternating, after a warm-up of each; every request a new valid report ' +
          '(fresh reporter phone, one transaction, a suspect phone from a pool of 5,000). ' +
          'Figures are the mean of the rounds; only 2xx answers count as reports. Both servers ' +
          'write to the same database; no worker runs (the outbox fills, as it would while the ' +
          'worker lags). The API runs as in production (`NODE_ENV=production`, JSON logs at ' +
          '`info` to a pipe, rate limiter on with a limit no client reaches).',
      ],
      raw: runs,
    };
  },
};
