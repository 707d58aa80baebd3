/**
 * Claim-next under contention (issue 14): 100,000 open, unassigned cases of one region
 * (generated in SQL), 20 investigators of that region each calling `POST /cases/next/claim`
 * in a loop at once, so every call races the others for the head of the same queue. Reports
 * throughput, p50/p99 of a claim and double claims: a case handed to two callers, counted from
 * the answers and from the rows.
 */
import { Client } from 'pg';
import type { HarnessEnv } from '../harness/bench-env';
import { atMost, describeTarget, meets, percentile, round } from '../harness/figures';
import type { BenchEnv, BenchFigure, Scenario, ScenarioResult } from '../harness/scenario';

const REGION = 'almaty_city';
const INVESTIGATORS = 20;
const ADMIN_EMAIL = 'bench.admin@police.test';
const ADMIN_PASSWORD = 'bench-admin-password-1';
const PASSWORD = 'bench-investigator-password-1';
const NO_DOUBLE_CLAIMS = atMost(0);

async function post(url: string, token: string | null, body?: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await post(`${base}/auth/login`, null, { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Open cases of REGION, priorities and ages mixed, none assigned; the counter left alone. */
async function seedCases(client: Client, cases: number): Promise<void> {
  // Rollup triggers off for the load (a row trigger per case took minutes), rebuilt after,
  // as bench-data.ts loads; the claims themselves then run with every trigger on.
  await client.query('SET session_replication_role = replica');
  await client.query(
    `INSERT INTO cases (number, region, fraud_type, status, priority, sla_due_at, created_at)
     SELECT 'CY-2030-' || lpad(g::text, 6, '0'), $2, 'phishing',
            (ARRAY['open', 'open', 'in_review', 'investigating'])[1 + g % 4],
            (ARRAY['P1', 'P2', 'P3', 'P3', 'P4'])[1 + g % 5],
            now() + interval '30 days', now() - (g % 50000) * interval '1 minute'
       FROM generate_series(1, $1::int) g`,
    [cases, REGION],
  );
  await client.query('SET session_replication_role = origin');
  await client.query('SELECT stats_rebuild()');
  await client.query('ANALYZE cases');
}

export const claimNext: Scenario = {
  name: 'claim-next',
  title: 'Claim-next: 20 investigators of one region at once on 100,000 open cases',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const quick = env.scale === 'quick';
    const cases = quick ? 10_000 : 100_000;
    const seconds = quick ? 5 : 20;
    const client = new Client({ connectionString: env.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await seedCases(client, cases);
      const api = await env.startApi({
        env: { BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD },
      });
      const base = `${api.url}/api/v1`;
      const admin = await login(base, ADMIN_EMAIL, ADMIN_PASSWORD);
      const tokens: string[] = [];
      for (let i = 1; i <= INVESTIGATORS; i++) {
        const email = `bench.claim${i}@police.test`;
        const res = await post(`${base}/admin/users`, admin, {
          email,
          password: PASSWORD,
          fullName: `Bench Investigator ${i}`,
          role: 'investigator',
          region: REGION,
        });
        if (res.status !== 201) throw new Error(`create ${email}: HTTP ${res.status}`);
        tokens.push(await login(base, email, PASSWORD));
      }
      // Warm-up: a few claims each, not counted.
      for (const token of tokens) await post(`${base}/cases/next/claim`, token);
      const warmed = (
        await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM cases WHERE assignee_id IS NOT NULL',
        )
      ).rows[0].n;

      const latencies: number[] = [];
      const claimed: string[] = [];
      let errors = 0;
      const cpuBefore = api.cpuSeconds();
      const t0 = performance.now();
      const deadline = t0 + seconds * 1000;
      await Promise.all(
        tokens.map(async (token) => {
          while (performance.now() < deadline) {
            const start = performance.now();
            const res = await post(`${base}/cases/next/claim`, token);
            const body = res.status === 200 ? ((await res.json()) as { id: string }) : null;
            latencies.push(performance.now() - start);
            if (body) claimed.push(body.id);
            else errors++;
            env.progress('claims', claimed.length);
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      const apiCpu = api.cpuSeconds() - cpuBefore;
      const doubleInAnswers = claimed.length - new Set(claimed).size;
      const rows = (
        await client.query<{ assigned: number; events: number }>(
          `SELECT (SELECT count(*) FROM cases WHERE assignee_id IS NOT NULL)::int AS assigned,
                  (SELECT count(*) FROM case_events WHERE type = 'case.claimed')::int AS events`,
        )
      ).rows[0];
      // Each answered claim assigned one more case and wrote one claim entry, or a claim won twice.
      const doubleInRows =
        Math.abs(rows.assigned - warmed - claimed.length) + Math.abs(rows.events - rows.assigned);
      const doubles = doubleInAnswers + doubleInRows;
      const perSecond = round(claimed.length / elapsed, 1);
      env.log(`  ${perSecond} claims/s, p99 ${round(percentile(latencies, 99), 1)} ms`);
      const figures: BenchFigure[] = [
        { label: 'open cases of the region at the start', value: cases.toLocaleString('en-US') },
        { label: 'investigators claiming at once', value: INVESTIGATORS },
        { label: 'claims answered (200)', value: claimed.length },
        { label: 'throughput', value: perSecond, unit: 'claims/s' },
        {
          label: 'claim p50 / p99',
          value: `${round(percentile(latencies, 50), 1)} / ${round(percentile(latencies, 99), 1)}`,
          unit: 'ms',
        },
        {
          label: 'API CPU per claim',
          value: round((apiCpu * 1000) / claimed.length, 2),
          unit: 'ms',
        },
        { label: 'answers other than 200', value: errors },
        {
          label: 'double claims (answers and rows)',
          value: doubles,
          target: describeTarget(NO_DOUBLE_CLAIMS),
          met: meets(doubles, NO_DOUBLE_CLAIMS),
        },
      ];
      return {
        name: 'claim-next',
        title: claimNext.title,
        command: 'npm run bench -- --only=claim-next',
        figures,
        notes: [
          `Method: ${cases.toLocaleString('en-US')} open, unassigned cases of one region ` +
            '(priorities and ages mixed) generated in SQL; the API alone (no worker); ' +
            `${INVESTIGATORS} investigators of that region, each logged in, call ` +
            `\`POST /cases/next/claim\` back to back for ${seconds} s after one warm-up claim ` +
            'each. A double claim is a case id answered twice, or assigned cases and ' +
            '`case.claimed` entries that do not add up to the answers.',
        ],
        raw: { latencies: latencies.length <= 50_000 ? latencies.map((l) => round(l, 1)) : [] },
      };
    } finally {
      await client.end();
    }
  },
};
