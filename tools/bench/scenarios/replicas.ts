/**
 * Intake with two API replicas and two workers on one database and one Redis (the rate limit
 * and the queue shared, as in docs/operations.md), against one API replica in the same run.
 * Both phases have the two workers running; the load is 32 connections in all, split 16 / 16
 * over the two replicas in the second phase (what a round-robin balancer would do).
 */
import type { HarnessEnv } from '../harness/bench-env';
import { ratio, round } from '../harness/figures';
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
import { INTAKE_PATH } from './intake';

function load(
  env: BenchEnv,
  api: BenchApi,
  connections: number,
  size: { seconds: number } | { amount: number },
  label: string,
) {
  return runLoad({
    url: api.url,
    path: INTAKE_PATH,
    connections,
    ...size,
    body: () => reportJson(),
    onTick: (done) => env.progress(label, done),
  });
}

/** Two simultaneous runs as one: reports/s add up, latency percentiles are the worse side's. */
export function together(a: LoadFigures, b: LoadFigures) {
  return {
    perSecond: round(a.perSecond + b.perSecond),
    p50Ms: Math.max(a.p50Ms, b.p50Ms),
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    failed: a.failed + b.failed,
  };
}

export const replicas: Scenario = {
  name: 'replicas',
  title: 'Intake with two API replicas and two workers',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const quick = env.scale === 'quick';
    const seconds = quick ? 5 : 20;
    const warmUp = { amount: quick ? 40 : 300 };
    const first = await env.startApi();
    const second = await env.startApi();
    await env.startWorker();
    await env.startWorker();
    await load(env, first, 8, warmUp, 'warm-up replica 1');
    await load(env, second, 8, warmUp, 'warm-up replica 2');
    const one = await load(env, first, 32, { seconds }, 'one replica ×32');
    const [a, b] = await Promise.all([
      load(env, first, 16, { seconds }, 'two replicas ×16 each'),
      load(env, second, 16, { seconds }, 'two replicas ×16 each'),
    ]);
    const two = together(a, b);
    const figures: BenchFigure[] = [
      { label: 'one API replica, 32 connections', value: one.perSecond, unit: 'reports/s' },
      { label: 'one replica p50 / p99', value: `${one.p50Ms} / ${one.p99Ms}`, unit: 'ms' },
      { label: 'two API replicas, 16 + 16 connections', value: two.perSecond, unit: 'reports/s' },
      {
        label: 'two replicas p50 / p99 (worse side)',
        value: `${two.p50Ms} / ${two.p99Ms}`,
        unit: 'ms',
      },
      { label: 'two ÷ one', value: round(ratio(two.perSecond, one.perSecond), 2), unit: '×' },
    ];
    if (one.failed + two.failed > 0) {
      figures.push({
        label: 'failed requests (one / two)',
        value: `${one.failed} / ${two.failed}`,
      });
    }
    return {
      name: 'replicas',
      title: this.title,
      command: 'npm run bench -- --only=replicas',
      figures,
      notes: [
        `Method: two APIs and two workers started on one database and one Redis; ${seconds} s ` +
          'of 32 connections to one replica, then the same 32 split 16 / 16 over both at once. ' +
          'Everything runs on the one machine the figures name: with 2 cores, PostgreSQL, Redis, ' +
          'the load generator and the workers share them, so a second replica adds processes, ' +
          'not CPUs; on separate hosts the replicas would not compete for the same cores.',
      ],
      raw: { one, a, b },
    };
  },
};
