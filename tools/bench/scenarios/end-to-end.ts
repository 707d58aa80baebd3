/**
 * End to end: how long from a citizen's report to the report linked into a case, while the
 * worker runs. First the maximum intake rate with the worker running is measured (32
 * connections, the backlog then drained), then reports are sent at half that rate; the lag of
 * each is `triaged_at − submitted_at` of its row (what `fraud_triage_lag_seconds` observes,
 * read from the database so every report counts, not a histogram's buckets).
 */
import { Client } from 'pg';
import type { HarnessEnv } from '../harness/bench-env';
import { atMost, describeTarget, meets, percentile, round } from '../harness/figures';
import { runLoad } from '../harness/load';
import { reportJson } from '../harness/report-body';
import type { BenchEnv, BenchFigure, Scenario, ScenarioResult } from '../harness/scenario';
import { sleep } from '../harness/services';
import { INTAKE_PATH } from './intake';

const P95_TARGET = atMost(1);

async function untriaged(client: Client, since: Date | null): Promise<number> {
  const rows = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reports
      WHERE triaged_at IS NULL AND ($1::timestamptz IS NULL OR submitted_at >= $1)`,
    [since],
  );
  return rows.rows[0].n;
}

/** Waits until every report (since `since`) is triaged; false after `timeoutMs`. */
async function drained(
  env: BenchEnv,
  client: Client,
  since: Date | null,
  label: string,
  timeoutMs: number,
): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    const left = await untriaged(client, since);
    env.progress(label, left);
    if (left === 0) return true;
    if (Date.now() - started > timeoutMs) return false;
    await sleep(500);
  }
}

export interface EndToEndOptions {
  name: string;
  title: string;
  /** Extra worker environment (a setting under test). */
  workerEnv?: Record<string, string>;
  note?: string;
}

export function endToEndScenario(options: EndToEndOptions): Scenario {
  return {
    name: options.name,
    title: options.title,
    async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
      const env = benchEnv as HarnessEnv;
      const quick = env.scale === 'quick';
      const client = new Client({ connectionString: env.databaseUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        const api = await env.startApi();
        const worker = await env.startWorker({ env: options.workerEnv });
        const probe = await runLoad({
          url: api.url,
          path: INTAKE_PATH,
          connections: 32,
          seconds: quick ? 3 : 10,
          body: () => reportJson(),
          onTick: (done) => env.progress('maximum rate, worker running', done),
        });
        const maxRate = probe.perSecond;
        const rate = Math.max(1, Math.floor(maxRate / 2));
        env.log(`  maximum ${maxRate} reports/s with the worker running; now ${rate}/s`);
        const drainTimeout = quick ? 120_000 : 600_000;
        if (!(await drained(env, client, null, 'backlog left to triage', drainTimeout))) {
          throw new Error('the worker did not drain the backlog of the maximum-rate run');
        }
        const since = new Date();
        const paced = await runLoad({
          url: api.url,
          path: INTAKE_PATH,
          connections: 32,
          seconds: quick ? 5 : 30,
          overallRate: rate,
          body: () => reportJson(),
          onTick: (done) => env.progress(`${rate} reports/s`, done),
        });
        const complete = await drained(env, client, since, 'left to triage', 120_000);
        const lag = await client.query<{ s: number; linked: boolean }>(
          `SELECT EXTRACT(EPOCH FROM (triaged_at - submitted_at))::float8 AS s,
                  case_id IS NOT NULL AS linked
             FROM reports WHERE submitted_at >= $1 AND triaged_at IS NOT NULL`,
          [since],
        );
        const seconds = lag.rows.map((r) => r.s);
        const p95 = round(percentile(seconds, 95), 3);
        const apiRss = await api.rssBytes();
        const workerRss = await worker.rssBytes();
        const figures: BenchFigure[] = [
          {
            label: 'maximum intake, 32 connections, worker running',
            value: maxRate,
            unit: 'reports/s',
          },
          { label: 'paced rate (50 % of it)', value: rate, unit: 'reports/s' },
          {
            label: 'reports filed at that rate (2xx in the run) / triaged',
            value: `${paced.ok} / ${seconds.length}`,
          },
          { label: 'report → case p50', value: round(percentile(seconds, 50), 3), unit: 's' },
          {
            label: 'report → case p95',
            value: p95,
            unit: 's',
            target: describeTarget(P95_TARGET, 's'),
            met: complete && meets(p95, P95_TARGET),
          },
          { label: 'report → case max', value: round(percentile(seconds, 100), 3), unit: 's' },
          {
            label: 'RSS at the end (API / worker)',
            value: `${Math.round(apiRss / 2 ** 20)} / ${Math.round(workerRss / 2 ** 20)}`,
            unit: 'MB',
          },
        ];
        if (!complete) {
          figures.push({
            label: 'reports not triaged 120 s after the run',
            value: await untriaged(client, since),
          });
        }
        return {
          name: options.name,
          title: options.title,
          command: `npm run bench -- --only=${options.name}`,
          figures,
          notes: [
            `Method: the API and one worker; autocannon at 32 connections for ${quick ? 3 : 10} s ` +
              'gives the maximum rate with the worker running; once the worker has triaged that ' +
              `backlog, ${quick ? 5 : 30} s at half of it (autocannon \`overallRate\`). The lag ` +
              'of each report is `triaged_at − submitted_at` from its row.',
            ...(options.note ? [options.note] : []),
          ],
          raw: { probe, paced, lagSeconds: seconds.length <= 20_000 ? seconds : undefined },
        };
      } finally {
        await client.end();
      }
    },
  };
}

export const endToEnd = endToEndScenario({
  name: 'end-to-end',
  title: 'End to end: report → linked to a case, at 50 % of the maximum rate',
  note:
    'The worker runs with its defaults, among them `OUTBOX_POLL_MS=1000`: the outbox relay ' +
    'looks for new reports once a second when it finds none waiting.',
});

/** The same with the relay looking every 100 ms: how much of the lag is the poll interval. */
export const endToEndFastPoll = endToEndScenario({
  name: 'end-to-end-poll-100ms',
  title: 'End to end with OUTBOX_POLL_MS=100 (worker setting)',
  workerEnv: { OUTBOX_POLL_MS: '100' },
  note:
    'Only the worker setting differs from `end-to-end`: the relay looks for new outbox rows ' +
    'every 100 ms instead of every second when it finds none waiting.',
});
