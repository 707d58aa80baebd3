/**
 * Triage throughput (issue 14): a backlog of reports generated in SQL, each with its outbox
 * row as intake writes it, drained by one and then by two workers (`triage-drain`), and the
 * pyramid case, every report naming one ring phone (`triage-pyramid`). The rate is reports
 * over the span of their `triaged_at` (first link to last), so worker start-up does not count;
 * the wall time from the workers being ready to the last link is shown beside it. After each
 * drain the invariants are checked on the rows: every report in exactly one case, case numbers
 * gap-free, the pyramid in one case.
 */
import { Client } from 'pg';
import type { BenchWorker, HarnessEnv } from '../harness/bench-env';
import { atLeast, describeTarget, meets, round } from '../harness/figures';
import type { BenchEnv, BenchFigure, Scenario, ScenarioResult } from '../harness/scenario';
import { sleep } from '../harness/services';

const DRAIN_TARGET = atLeast(1000);
const PYRAMID_TARGET = atLeast(500);
const RING_PHONE = '+77009990014';

const REGIONS = ['astana', 'almaty_city', 'shymkent', 'karaganda', 'aktobe'];
const TYPES = ['online_purchase', 'phishing', 'investment_scam', 'fake_loan', 'romance'];

interface Batch {
  /** Reference prefix of this batch's reports (`FR-<year>-`), so batches never collide. */
  year: number;
  reports: number;
  /** Suspect phones: a pool of distinct values (about 0.7 per report), or one ring phone. */
  phones: { pool: number; prefix: string } | { ring: string };
}

/**
 * Reports as intake writes them (one suspect phone each, one in twenty with a payment an hour
 * before submission, so P1 and freeze requests occur) and one outbox row per report, in
 * submission order. Set-based: a few statements for the whole batch.
 */
async function seed(client: Client, batch: Batch): Promise<void> {
  const prefix = `FR-${batch.year}-`;
  await client.query(
    `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                          reporter_phone_enc, reporter_phone_bidx, region, age_group, fraud_type,
                          channel, occurred_at, description, loss_tiyn)
     SELECT $1 || lpad(g::text, 7, '0'), 'x', now() - interval '1 hour' + g * interval '1 ms',
            'Bench Triage Victim', 'x', md5($1 || g), ($3::text[])[1 + g % 5],
            CASE WHEN g % 40 = 0 THEN 'senior' ELSE 'adult' END, ($4::text[])[1 + g % 5],
            'messenger', now() - interval '3 days', 'generated for the triage benchmark',
            (g % 9)::bigint * 5000000
       FROM generate_series(1, $2::int) g`,
    [prefix, batch.reports, REGIONS, TYPES],
  );
  const ring = 'ring' in batch.phones ? batch.phones.ring : null;
  const pool = 'pool' in batch.phones ? batch.phones.pool : 1;
  const phonePrefix = 'prefix' in batch.phones ? batch.phones.prefix : '';
  await client.query(
    `INSERT INTO report_identifiers (report_id, type, value, display, source)
     SELECT r.id, 'phone',
            coalesce($3, $4 || lpad(((g::bigint * 104729) % $5)::text, 7, '0')),
            '+7 7** *** ** **', 'suspect'
       FROM generate_series(1, $2::int) g
       JOIN reports r ON r.reference = $1 || lpad(g::text, 7, '0')`,
    [prefix, batch.reports, ring, phonePrefix, pool],
  );
  await client.query(
    `WITH paid AS (
       INSERT INTO report_transactions (report_id, position, paid_at, amount_tiyn, method,
                                        to_account_type, to_account_value, to_account_display)
       SELECT r.id, 0, r.submitted_at - interval '1 hour', 5000000, 'bank_transfer', 'iban',
              'KZ00TRIAGE' || substr(r.reference, 4), 'KZ** **** ' || right(r.reference, 4)
         FROM generate_series(20, $2::int, 20) g
         JOIN reports r ON r.reference = $1 || lpad(g::text, 7, '0')
       RETURNING report_id, to_account_value, to_account_display)
     INSERT INTO report_identifiers (report_id, type, value, display, source)
     SELECT report_id, 'iban', to_account_value, to_account_display, 'transaction' FROM paid`,
    [prefix, batch.reports],
  );
  await client.query(
    `INSERT INTO outbox (topic, aggregate_id, payload)
     SELECT 'report.submitted', r.id::text,
            jsonb_build_object('reportId', r.id, 'jobId', 'report-' || r.id)
       FROM reports r WHERE r.reference LIKE $1 || '%' ORDER BY r.submitted_at`,
    [prefix],
  );
  await client.query('ANALYZE reports, report_identifiers, outbox');
}

interface Drain {
  reports: number;
  /** Reports over the span of their triaged_at. */
  perSecond: number;
  /** From the workers being ready to the last report linked. */
  wallSeconds: number;
  /** Worker CPU per report (all workers), ms. */
  workerCpuMs: number;
  cases: number;
  /** Reports linked per triage transaction (mean). */
  perTransaction: number;
  /** Deadlocks PostgreSQL broke during the drain (each one costs deadlock_timeout and a retry). */
  deadlocks: number;
  invariants: string[];
}

/** Starts `workers` workers on the queued batch and waits until every report is linked. */
async function drain(
  env: HarnessEnv,
  client: Client,
  batch: Batch,
  workers: number,
  label: string,
  workerEnv?: Record<string, string>,
): Promise<Drain> {
  const prefix = `FR-${batch.year}-%`;
  const started: BenchWorker[] = await Promise.all(
    Array.from({ length: workers }, () => env.startWorker({ env: workerEnv })),
  );
  const cpuBefore = started.map((w) => w.cpuSeconds());
  const deadlocksBefore = await deadlocks(client);
  const t0 = performance.now();
  const timeoutMs = env.scale === 'quick' ? 120_000 : 900_000;
  for (;;) {
    const left = (
      await client.query<{ n: number }>(
        // Every earlier batch is linked: ix_reports_case_id finds the rest without a scan.
        'SELECT count(*)::int AS n FROM reports WHERE case_id IS NULL',
      )
    ).rows[0].n;
    env.progress(label, batch.reports - left, batch.reports);
    if (left === 0) break;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${label}: ${left} left untriaged`);
    await sleep(500);
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const workerCpu = started.reduce((sum, w, i) => sum + w.cpuSeconds() - cpuBefore[i], 0);
  await Promise.all(started.map((w) => w.stop()));
  const deadlocksDuring = (await deadlocks(client)) - deadlocksBefore;
  const span = (
    await client.query<{ s: number; cases: number; transactions: number }>(
      `SELECT EXTRACT(EPOCH FROM max(triaged_at) - min(triaged_at))::float8 AS s,
              count(DISTINCT case_id)::int AS cases,
              count(DISTINCT triaged_at)::int AS transactions
         FROM reports WHERE reference LIKE $1`,
      [prefix],
    )
  ).rows[0];
  return {
    reports: batch.reports,
    perSecond: round(batch.reports / Math.max(span.s, 0.001), 1),
    wallSeconds: round(wallSeconds, 1),
    workerCpuMs: round((workerCpu * 1000) / batch.reports, 2),
    cases: span.cases,
    // triaged_at is the transaction's now(): one value per triage transaction.
    perTransaction: round(batch.reports / Math.max(span.transactions, 1), 1),
    deadlocks: deadlocksDuring,
    invariants: await invariants(client),
  };
}

/**
 * The database's deadlock count so far. The cumulative statistics reach pg_stat_database when a
 * backend goes idle (at most a second later), so the workers' backends have reported theirs by
 * the time the drain has been seen complete and the workers stopped.
 */
async function deadlocks(client: Client): Promise<number> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    'SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return rows[0]?.n ?? 0;
}

/** What must hold after any drain; each broken rule is one line (none when all hold). */
async function invariants(client: Client): Promise<string[]> {
  const row = (
    await client.query<{
      unlinked: number;
      cases: number;
      max_number: number;
      distinct_numbers: number;
      counter: number;
      no_report: number;
      linked_events: number;
      linked: number;
    }>(
      `SELECT (SELECT count(*) FROM reports WHERE case_id IS NULL)::int AS unlinked,
              (SELECT count(*) FROM cases)::int AS cases,
              (SELECT coalesce(max(substr(number, 9)::int), 0) FROM cases)::int AS max_number,
              (SELECT count(DISTINCT number) FROM cases)::int AS distinct_numbers,
              (SELECT coalesce(sum(last_value), 0) FROM case_counters)::int AS counter,
              (SELECT count(*) FROM cases c
                WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id))::int AS no_report,
              (SELECT count(*) FROM case_events WHERE type = 'report.linked')::int AS linked_events,
              (SELECT count(*) FROM reports WHERE case_id IS NOT NULL)::int AS linked`,
    )
  ).rows[0];
  const broken: string[] = [];
  if (row.unlinked > 0) broken.push(`${row.unlinked} reports without a case`);
  if (row.max_number !== row.cases || row.distinct_numbers !== row.cases) {
    broken.push(`case numbers not gap-free: ${row.cases} cases, highest ${row.max_number}`);
  }
  if (row.counter !== row.cases) broken.push(`counter ${row.counter} ≠ ${row.cases} cases`);
  if (row.no_report > 0) broken.push(`${row.no_report} cases without a report`);
  if (row.linked_events !== row.linked) {
    broken.push(`${row.linked_events} report.linked entries for ${row.linked} linked reports`);
  }
  return broken;
}

function invariantFigure(drains: readonly Drain[]): BenchFigure {
  const broken = drains.flatMap((d) => d.invariants);
  return {
    label: 'invariants (one case per report, gap-free numbers, one link entry each)',
    value: broken.length === 0 ? 'hold' : broken.join('; '),
    target: 'hold',
    met: broken.length === 0,
  };
}

async function connect(env: BenchEnv): Promise<Client> {
  const client = new Client({ connectionString: env.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const NOTE_METHOD =
  'Method: reports, their identifiers (one suspect phone each; one in twenty also a payment ' +
  'an hour before submission, so P1 and its freeze requests occur) and their outbox rows are ' +
  'generated in SQL while no worker runs, as if intake had outrun triage; then the workers ' +
  'start with their defaults and relay and triage the backlog. Rate = reports ÷ (last ' +
  '`triaged_at` − first); wall time from the workers being ready to the last link.';

export const triageDrain: Scenario = {
  name: 'triage-drain',
  title: 'Triage: draining a backlog of queued reports with one and with two workers',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const reports = env.scale === 'quick' ? 2_000 : 20_000;
    const pool = Math.floor(reports * 0.7);
    const client = await connect(env);
    try {
      const one: Batch = { year: 2031, reports, phones: { pool, prefix: '+7706' } };
      await seed(client, one);
      const single = await drain(env, client, one, 1, 'one worker');
      env.log(`  one worker: ${single.perSecond} reports/s`);
      const two: Batch = { year: 2032, reports, phones: { pool, prefix: '+7707' } };
      await seed(client, two);
      const double = await drain(env, client, two, 2, 'two workers');
      env.log(`  two workers: ${double.perSecond} reports/s`);
      const scaling = round(double.perSecond / single.perSecond, 2);
      const figures: BenchFigure[] = [
        { label: 'reports per drain', value: reports.toLocaleString('en-US') },
        {
          label: 'one worker',
          value: single.perSecond,
          unit: 'reports/s',
          target: describeTarget(DRAIN_TARGET, 'reports/s'),
          met: meets(single.perSecond, DRAIN_TARGET),
        },
        { label: 'two workers', value: double.perSecond, unit: 'reports/s' },
        { label: 'two ÷ one', value: scaling, unit: '×', target: 'near-linear (≈ 2×)' },
        {
          label: 'wall time, one / two workers',
          value: `${single.wallSeconds} / ${double.wallSeconds}`,
          unit: 's',
        },
        {
          label: 'worker CPU per report, one / two workers',
          value: `${single.workerCpuMs} / ${double.workerCpuMs}`,
          unit: 'ms',
        },
        { label: 'cases made, one / two workers', value: `${single.cases} / ${double.cases}` },
        {
          label: 'reports per triage transaction, one / two workers',
          value: `${single.perTransaction} / ${double.perTransaction}`,
        },
        {
          label: 'deadlocks broken by PostgreSQL, one / two workers',
          value: `${single.deadlocks} / ${double.deadlocks}`,
        },
        invariantFigure([single, double]),
      ];
      return {
        name: 'triage-drain',
        title: triageDrain.title,
        command: 'npm run bench -- --only=triage-drain',
        figures,
        notes: [
          NOTE_METHOD +
            ` Suspect phones come from a pool of ${pool.toLocaleString('en-US')} values per ` +
            'drain, so about a third of the reports join a case made earlier in the same drain.',
          'Two workers share the 2 cores with PostgreSQL and Redis: a second process adds ' +
            'concurrency, not CPU, so "near-linear" cannot show on this machine.',
        ],
        raw: { single, double },
      };
    } finally {
      await client.end();
    }
  },
};

export const triagePyramid: Scenario = {
  name: 'triage-pyramid',
  title: 'Triage: the pyramid case, every report naming one ring phone',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const reports = env.scale === 'quick' ? 2_000 : 20_000;
    const client = await connect(env);
    try {
      const batch: Batch = { year: 2033, reports, phones: { ring: RING_PHONE } };
      await seed(client, batch);
      const result = await drain(env, client, batch, 1, 'pyramid, one worker');
      env.log(`  pyramid: ${result.perSecond} reports/s, ${result.cases} case(s)`);
      const figures: BenchFigure[] = [
        { label: 'reports naming the ring phone', value: reports.toLocaleString('en-US') },
        {
          label: 'one worker',
          value: result.perSecond,
          unit: 'reports/s',
          target: describeTarget(PYRAMID_TARGET, 'reports/s'),
          met: meets(result.perSecond, PYRAMID_TARGET),
        },
        { label: 'wall time', value: result.wallSeconds, unit: 's' },
        { label: 'worker CPU per report', value: result.workerCpuMs, unit: 'ms' },
        { label: 'reports per triage transaction', value: result.perTransaction },
        { label: 'deadlocks broken by PostgreSQL', value: result.deadlocks },
        {
          label: 'cases the reports are in',
          value: result.cases,
          target: '1',
          met: result.cases === 1,
        },
        invariantFigure([result]),
      ];
      return {
        name: 'triage-pyramid',
        title: triagePyramid.title,
        command: 'npm run bench -- --only=triage-pyramid',
        figures,
        notes: [
          NOTE_METHOD +
            ' Every report names the same phone, so every triage run locks the same ' +
            'identifier and the same case: the worst case for the batch path.',
        ],
        raw: { result },
      };
    } finally {
      await client.end();
    }
  },
};
