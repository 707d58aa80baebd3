/**
 * The read scenarios (issue 14, part 3): the queue, a pyramid case's detail, reports and
 * timeline, identifier search and the supervisor totals, over HTTP against the built API, on
 * 1 M or 10 M reports generated in SQL (bench-data.ts + read-data.ts). Each endpoint gets
 * `REQUESTS` sequential requests after 20 warm-up; p50/p95/max in ms. The keyset pages are then
 * measured again with the indexes they replaced (the `down` of migration PagedCaseReads), so the
 * before/after of the index is measured in the same run on the same data; EXPLAIN ANALYZE of a
 * deep page under each goes to `raw`.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { FRAUD_TYPES, REGIONS } from '@app/common';
import { generate } from './bench-data';
import type { BenchEnv, BenchFigure, Scenario, ScenarioResult } from './harness/scenario';
import { addReadData, benchPhone } from './read-data';

const DAYS = 730;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;

interface Timing {
  label: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];
const isoDate = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A random period (a week to a year, ending within the data), maybe a region / fraud type. */
function statsFilters(): string {
  const length = pick([7, 30, 91, 365]);
  const end = Math.floor(Math.random() * (DAYS - length));
  const parts = [`from=${isoDate(end + length)}`, `to=${isoDate(end)}`];
  if (Math.random() < 0.4) parts.push(`region=${pick(REGIONS)}`);
  if (Math.random() < 0.3) parts.push(`fraudType=${pick(FRAUD_TYPES)}`);
  return parts.join('&');
}

/** A queue view a supervisor or investigator would open: a region, maybe status / priority. */
function queueFilters(): string {
  // One view in five is a national supervisor's (no region).
  const parts = Math.random() < 0.2 ? [] : [`region=${pick(REGIONS)}`];
  if (Math.random() < 0.6)
    parts.push(`status=${pick(['open', 'investigating', 'open,in_review'])}`);
  if (Math.random() < 0.3) parts.push(`priority=${pick(['P1', 'P1,P2', 'P3'])}`);
  return parts.join('&');
}

class Http {
  constructor(
    private readonly base: string,
    private token = '',
  ) {}

  async login(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status}`);
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
  }

  async json<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** One timed GET (the whole body read); throws on anything but 200. */
  async time(path: string): Promise<{ ms: number; bytes: number }> {
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return { ms, bytes: body.byteLength };
  }

  async measure(label: string, path: () => string, requests = REQUESTS): Promise<Timing> {
    for (let i = 0; i < WARM_UP; i++) await this.time(path());
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const t = await this.time(path());
      times.push(t.ms);
      bytes = Math.max(bytes, t.bytes);
    }
    times.sort((a, b) => a - b);
    return {
      label,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      bytes,
    };
  }
}

/** Every `nextCursor` of a list, read with limit 200: the deep positions to ask for. */
async function cursorsOf(http: Http, path: string): Promise<string[]> {
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { nextCursor: string | null } = await http.json(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return cursors;
}

const OLD_INDEXES = [
  'CREATE INDEX "ix_reports_case_id" ON "reports" ("case_id")',
  'DROP INDEX "ix_reports_case_id_submitted_at"',
  'CREATE INDEX "ix_case_events_case_id_at" ON "case_events" ("case_id", "at")',
  'DROP INDEX "ix_case_events_case_at_id"',
  'DROP INDEX "ix_cases_region_queue_order"',
  'DROP INDEX "ix_cases_queue_order"',
];
const NEW_INDEXES = [
  'CREATE INDEX "ix_reports_case_id_submitted_at" ON "reports" ("case_id", "submitted_at", "id")',
  'DROP INDEX "ix_reports_case_id"',
  'CREATE INDEX "ix_case_events_case_at_id" ON "case_events" ("case_id", "at", "id")',
  'DROP INDEX "ix_case_events_case_id_at"',
  'CREATE INDEX "ix_cases_region_queue_order" ON "cases" ("region", "priority", "created_at", "id")',
  'CREATE INDEX "ix_cases_queue_order" ON "cases" ("priority", "created_at", "id")',
];

/** The deep-page statements the API runs (case-reports.service.ts, case-queue.service.ts). */
async function explainDeepPages(
  client: Client,
  caseId: string,
  reportAfter: { at: string; id: string },
  eventAfter: { at: string; id: string },
): Promise<Record<string, string>> {
  const plan = async (sql: string, params: unknown[]) =>
    (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
  return {
    reports: await plan(
      `SELECT p.id FROM reports p
        WHERE p.case_id = $1 AND (p.submitted_at, p.id) > ($2::timestamptz, $3::uuid)
        ORDER BY p.submitted_at, p.id LIMIT 51`,
      [caseId, reportAfter.at, reportAfter.id],
    ),
    timeline: await plan(
      `SELECT e.id FROM case_events e
        WHERE e.case_id = $1 AND (e.at, e.id) > ($2::timestamptz, $3::bigint)
        ORDER BY e.at, e.id LIMIT 51`,
      [caseId, eventAfter.at, eventAfter.id],
    ),
  };
}

const decodeCursor = (cursor: string): { at: string; id: string } => {
  const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
  return { at, id };
};

const ms = (label: string, value: number, target?: string, limit?: number): BenchFigure => ({
  label,
  value: Number(value.toFixed(1)),
  unit: 'ms',
  ...(target === undefined ? {} : { target, met: limit === undefined || value <= limit }),
});

/**
 * A read scenario at `fullReports` reports (quick: 100 k). Targets from issue 14: case detail
 * and timeline ≤ 50 ms p95 whatever the case size, identifier search ≤ 20 ms p95 (at 10 M
 * identifiers), totals ≤ 50 ms p95 (at 10 M reports).
 */
export function readsScenario(name: string, fullReports: number): Scenario {
  const title = `Case reads, identifier search and totals at ${(fullReports / 1e6).toLocaleString('en')} M reports`;
  return {
    name,
    title,
    async run(env: BenchEnv): Promise<ScenarioResult> {
      const quick = env.scale === 'quick';
      const reports = quick ? 100_000 : fullReports;
      const bigCase = quick ? 5_000 : 25_000;
      const started = performance.now();
      const client = new Client({ connectionString: env.databaseUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        let handles: Awaited<ReturnType<typeof addReadData>> | undefined;
        await generate(
          client,
          { reports, cases: Math.round(reports * 0.6), days: DAYS },
          (step, done, total) => env.progress(step, done, total),
          async () => {
            handles = await addReadData(client, { reports, bigCase }, (step, done, total) =>
              env.progress(step, done, total),
            );
          },
        );
        if (!handles) throw new Error('read data was not generated');
        const { bigCaseId, distinctPhones } = handles;
        const counts = (
          await client.query<Record<string, number>>(
            `SELECT (SELECT count(*) FROM reports)::int AS reports,
                    (SELECT count(*) FROM cases)::int AS cases,
                    (SELECT count(*) FROM report_identifiers)::int AS identifiers,
                    (SELECT count(*) FROM case_events WHERE case_id = $1)::int AS big_case_events,
                    (SELECT count(*) FROM reports WHERE case_id = $1)::int AS big_case_reports`,
            [bigCaseId],
          )
        ).rows[0];
        const loadSeconds = (performance.now() - started) / 1000;
        env.log(`loaded in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(counts)}`);

        const password = 'bench-admin-password-1';
        const api = await env.startApi({
          env: {
            BOOTSTRAP_ADMIN_EMAIL: 'bench.admin@police.test',
            BOOTSTRAP_ADMIN_PASSWORD: password,
          },
        });
        const timings: Timing[] = [];
        const before: Timing[] = [];
        let plans: Record<string, Record<string, string>> = {};
        try {
          const admin = new Http(`${api.url}/api/v1`);
          await admin.login('bench.admin@police.test', password);
          await admin.json('/admin/users', {
            email: 'bench.national@police.test',
            password: 'bench-national-password-1',
            fullName: 'Bench National Supervisor',
            role: 'supervisor',
          });
          const http = new Http(`${api.url}/api/v1`);
          await http.login('bench.national@police.test', 'bench-national-password-1');

          const reportCursors = await cursorsOf(http, `/cases/${bigCaseId}/reports`);
          const eventCursors = await cursorsOf(http, `/cases/${bigCaseId}/timeline`);
          const deep = (path: string, cursors: string[]) => () =>
            `${path}?cursor=${encodeURIComponent(pick(cursors))}`;
          const small = (
            await client.query<{ id: string }>(
              `SELECT id FROM cases WHERE id <> $1 ORDER BY created_at DESC LIMIT 500`,
              [bigCaseId],
            )
          ).rows.map((r) => r.id);

          const run = async (label: string, path: () => string) => {
            env.progress(label, 0, 1);
            const t = await http.measure(label, path);
            env.log(`${label}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
            env.progress(label, 1, 1);
            return t;
          };
          const keysetRuns = async (into: Timing[], suffix: string) => {
            into.push(
              await run(
                `GET /cases (queue, first page)${suffix}`,
                () => `/cases?${queueFilters()}`,
              ),
              await run(
                `GET /cases/{id}/reports, deep pages${suffix}`,
                deep(`/cases/${bigCaseId}/reports`, reportCursors),
              ),
              await run(
                `GET /cases/{id}/timeline, deep pages${suffix}`,
                deep(`/cases/${bigCaseId}/timeline`, eventCursors),
              ),
            );
          };
          timings.push(
            // The floor: sign-in check, guards, logging and JSON over HTTP, no case query.
            await run('GET /me (floor: auth and HTTP only)', () => '/me'),
            await run(
              `GET /cases/{id} (${bigCase.toLocaleString('en')}-report case)`,
              () => `/cases/${bigCaseId}`,
            ),
            await run('GET /cases/{id} (ordinary cases)', () => `/cases/${pick(small)}`),
            await run(
              'GET /cases/{id}/timeline (first page)',
              () => `/cases/${bigCaseId}/timeline`,
            ),
          );
          await keysetRuns(timings, '');
          timings.push(
            await run(
              'GET /identifiers?value=',
              () =>
                `/identifiers?value=${encodeURIComponent(benchPhone(Math.floor(Math.random() * distinctPhones)))}`,
            ),
            await run('GET /stats/summary', () => `/stats/summary?${statsFilters()}`),
            await run(
              'GET /stats/breakdown',
              () =>
                `/stats/breakdown?by=${pick(['region', 'fraudType', 'month'])}&${statsFilters()}`,
            ),
          );

          // Before: the indexes migration PagedCaseReads replaced, same data, same requests.
          const reportAt = decodeCursor(reportCursors[Math.floor(reportCursors.length * 0.9)]);
          const eventAt = decodeCursor(eventCursors[Math.floor(eventCursors.length * 0.9)]);
          plans = { after: await explainDeepPages(client, bigCaseId, reportAt, eventAt) };
          env.progress('old indexes', 0, 1);
          for (const sql of OLD_INDEXES) await client.query(sql);
          await client.query('ANALYZE reports; ANALYZE case_events');
          env.progress('old indexes', 1, 1);
          plans.before = await explainDeepPages(client, bigCaseId, reportAt, eventAt);
          await keysetRuns(before, ' (old indexes)');
          for (const sql of NEW_INDEXES) await client.query(sql);
        } finally {
          await api.stop();
        }

        const find = (rows: Timing[], prefix: string) =>
          rows.find((t) => t.label.startsWith(prefix))!;
        const figures: BenchFigure[] = [];
        for (const t of [...timings, ...before]) {
          const target = t.label.startsWith('GET /cases/{id}')
            ? { text: '≤ 50 ms p95', limit: 50 }
            : t.label.startsWith('GET /identifiers')
              ? { text: '≤ 20 ms p95', limit: 20 }
              : t.label.startsWith('GET /stats')
                ? { text: '≤ 50 ms p95', limit: 50 }
                : undefined;
          const isBefore = t.label.endsWith('(old indexes)');
          figures.push(ms(`${t.label} p50`, t.p50));
          figures.push(
            ms(
              `${t.label} p95`,
              t.p95,
              isBefore ? undefined : target?.text,
              isBefore ? undefined : target?.limit,
            ),
          );
          figures.push({ label: `${t.label} largest body`, value: t.bytes, unit: 'bytes' });
        }
        const detail = find(timings, 'GET /cases/{id} (');
        return {
          name,
          title,
          command: `npm run bench -- --only=${name}`,
          figures,
          notes: [
            `Data: ${counts.reports.toLocaleString('en')} reports, ${counts.cases.toLocaleString('en')} cases, ` +
              `${counts.identifiers.toLocaleString('en')} report identifiers over ${DAYS} days, generated in SQL ` +
              `(tools/bench/bench-data.ts, read-data.ts) in ${loadSeconds.toFixed(0)} s; one pyramid case of ` +
              `${counts.big_case_reports.toLocaleString('en')} reports and ${counts.big_case_events.toLocaleString('en')} timeline entries.`,
            `${REQUESTS} sequential requests per row after ${WARM_UP} warm-up, as a national supervisor, over HTTP ` +
              'to the built API. Deep pages: a random `nextCursor` of the whole list each time.',
            `The pyramid case detail answers ${detail.bytes.toLocaleString('en')} bytes (first 50 reports, 50 ` +
              'identifiers); the issue measured 1.3 MB for a case of 3,097 reports before paging.',
            '"(old indexes)" rows: the same requests with ix_reports_case_id (case_id), ' +
              'ix_case_events_case_id_at (case_id, at) and without the two queue-order indexes on cases: ' +
              'the schema before migration PagedCaseReads; ' +
              'their EXPLAIN ANALYZE is in the JSON (`raw.plans`).',
          ],
          raw: { counts, timings, before, plans },
        };
      } finally {
        await client.end();
      }
    },
  };
}
