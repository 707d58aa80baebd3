/**
 * Intake throughput: `POST /api/v1/reports` of the built API beside the raw baseline
 * (tools/bench/baseline/raw-intake.ts: node:http + pg, same SQL, schema and crypto) and the
 * framework floor (nest-intake.ts: the same work in a bare NestJS app on Express), all on the
 * same database, at 32 and 64 connections, a fresh valid report per request. They alternate
 * (raw, bare NestJS, API, raw …) so drift in the machine's load hits all alike.
 */
import type { HarnessApi, HarnessEnv } from '../harness/bench-env';
import { atLeast, atMost, describeTarget, meets, ratio, round } from '../harness/figures';
import { runLoad } from '../harness/load';
import type { LoadFigures } from '../harness/load';
import { reportJson } from '../harness/report-body';
import { machineBusySeconds } from '../harness/services';
import type { BenchEnv, BenchFigure, Scenario, ScenarioResult } from '../harness/scenario';

export const INTAKE_PATH = '/api/v1/reports';
const RATIO_TARGET = atLeast(0.7);
const P99_TARGET = atMost(150);

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** One run and the CPU time the server used for it. */
export interface MeasuredRun extends LoadFigures {
  cpuSeconds: number;
  /** CPU the whole machine used meanwhile (every process, both cores), s. */
  machineSeconds: number;
}

/** Mean of the rounds of one side at one connection count. */
export function combine(rounds: readonly MeasuredRun[]) {
  const ok = rounds.reduce((a, r) => a + r.ok, 0);
  return {
    /** Server CPU per 2xx report, ms: what the framework costs, whatever the machine's load. */
    cpuMsPerReport: round(
      ok > 0 ? (rounds.reduce((a, r) => a + r.cpuSeconds, 0) * 1000) / ok : NaN,
      2,
    ),
    /** Machine CPU (the server, PostgreSQL, Redis, the load generator) per 2xx report, ms. */
    machineMsPerReport: round(
      ok > 0 ? (rounds.reduce((a, r) => a + r.machineSeconds, 0) * 1000) / ok : NaN,
      2,
    ),
    perSecond: round(mean(rounds.map((r) => r.perSecond))),
    p50Ms: round(mean(rounds.map((r) => r.p50Ms))),
    p99Ms: round(mean(rounds.map((r) => r.p99Ms))),
    failed: rounds.reduce((a, r) => a + r.failed, 0),
    ok,
  };
}

async function load(
  env: BenchEnv,
  target: HarnessApi,
  label: string,
  connections: number,
  size: { seconds: number } | { amount: number },
): Promise<MeasuredRun> {
  const cpuBefore = target.cpuSeconds();
  const machineBefore = machineBusySeconds();
  const run = await runLoad({
    url: target.url,
    path: INTAKE_PATH,
    connections,
    ...size,
    body: () => reportJson(),
    onTick: (done) => env.progress(label, done),
  });
  const figures = {
    ...run,
    cpuSeconds: round(target.cpuSeconds() - cpuBefore, 2),
    machineSeconds: round(machineBusySeconds() - machineBefore, 2),
  };
  env.log(
    `  ${label}: ${figures.perSecond}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms` +
      `, ${figures.cpuSeconds} s CPU` +
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
    const seconds = quick ? 4 : 15;
    const rounds = quick ? 1 : 2;
    const raw = await env.startBaseline('raw-intake');
    const nest = await env.startBaseline('nest-intake');
    const api = await env.startApi();
    const sides = { raw, nest, api } as const;
    const names = { raw: 'raw', nest: 'bare NestJS', api: 'API' } as const;
    type Side = keyof typeof sides;
    const order: Side[] = ['raw', 'nest', 'api'];
    // Warm each (JIT, pools, the first rows of the counter) before anything is measured.
    for (const side of order) {
      await load(env, sides[side], `warm-up ${names[side]}`, 8, { amount: quick ? 40 : 300 });
    }
    const runs: Record<string, Record<Side, MeasuredRun[]>> = {};
    for (const connections of [32, 64]) {
      const measured: Record<Side, MeasuredRun[]> = { raw: [], nest: [], api: [] };
      runs[connections] = measured;
      for (let i = 0; i < rounds; i += 1) {
        for (const side of order) {
          const label = `${names[side]} ×${connections} #${i + 1}`;
          measured[side].push(await load(env, sides[side], label, connections, { seconds }));
        }
      }
    }
    const apiRss = await api.rssBytes();
    const rawRss = await raw.rssBytes();
    for (const side of order) await sides[side].stop();
    const figures: BenchFigure[] = [];
    for (const connections of [32, 64]) {
      const a = combine(runs[connections].api);
      const n = combine(runs[connections].nest);
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
        {
          label: `bare NestJS, ${connections} connections (÷ raw)`,
          value: `${n.perSecond} (${round(ratio(n.perSecond, r.perSecond), 2)}×)`,
          unit: 'reports/s',
        },
      );
      figures.push({
        label: `CPU per report, ${connections} connections (API / bare NestJS / raw)`,
        value: `${a.cpuMsPerReport} / ${n.cpuMsPerReport} / ${r.cpuMsPerReport}`,
        unit: 'ms',
      });
      figures.push({
        label: `machine CPU per report, ${connections} connections (API / bare NestJS / raw)`,
        value: `${a.machineMsPerReport} / ${n.machineMsPerReport} / ${r.machineMsPerReport}`,
        unit: 'ms',
      });
      if (judged) {
        figures.push({
          label: 'API p99, 32 connections',
          value: a.p99Ms,
          unit: 'ms',
          target: describeTarget(P99_TARGET, 'ms'),
          met: meets(a.p99Ms, P99_TARGET),
        });
      }
      if (a.failed + n.failed + r.failed > 0) {
        figures.push({
          label: `failed requests, ${connections} connections (API / bare NestJS / raw)`,
          value: `${a.failed} / ${n.failed} / ${r.failed}`,
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
          'raw, bare NestJS and API alternating, after a warm-up of 300 reports each; every request a new ' +
          'valid report (fresh reporter phone, one transaction, a suspect phone from a pool of 5,000). ' +
          'Figures are the mean of the rounds; only 2xx answers count as reports. All three servers ' +
          'write to the same database; no worker runs (the outbox fills, as it would while the ' +
          'worker lags). The API runs as in production (`NODE_ENV=production`, JSON logs at ' +
          '`info` to a pipe, rate limiter on with a limit no client reaches).',
        'Bare NestJS (tools/bench/baseline/nest-intake.ts) is the framework floor: NestJS on ' +
          'Express with one controller and nothing global, doing exactly what the raw server does ' +
          'per report. Raw → bare NestJS is what the framework costs; bare NestJS → API is what ' +
          "the API's per-request work adds (validation, rate limit, request log, metrics, security " +
          'headers, problem mapping). Machine CPU is every process on the machine (PostgreSQL, ' +
          'Redis and the load generator too) per report: the machine is saturated during every ' +
          'round, so the ratio of two sides is about the inverse ratio of their machine CPU.',
      ],
      raw: runs,
    };
  },
};
