/**
 * `npm run bench:stats`: 1,000,000 reports (BENCH_REPORTS to change) in a fresh database, then
 * the real API over HTTP: p50/p95 of GET /stats/summary and /stats/breakdown with varied
 * filters. Prints a markdown table for BENCHMARKS.md. Needs PostgreSQL (BENCH_PG_ADMIN_URL,
 * default postgres://root@127.0.0.1:5432/postgres) and Redis (REDIS_URL).
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { FRAUD_TYPES, REGIONS } from '@app/common';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { generate } from './bench-data';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const DAYS = 730;

function dbUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];
const isoDate = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A random period (a week to a year, ending within the data), maybe a region / fraud type. */
function filters(): string {
  const length = pick([7, 30, 91, 365]);
  const end = Math.floor(Math.random() * (DAYS - length));
  const parts = [`from=${isoDate(end + length)}`, `to=${isoDate(end)}`];
  if (Math.random() < 0.4) parts.push(`region=${pick(REGIONS)}`);
  if (Math.random() < 0.3) parts.push(`fraudType=${pick(FRAUD_TYPES)}`);
  return parts.join('&');
}

async function main(): Promise<void> {
  const name = `bench_stats_${randomBytes(4).toString('hex')}`;
  const url = dbUrl(name);
  const started = performance.now();
  const stamp = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  console.log(`[bench] database ${name}; ${REPORTS.toLocaleString('en')} reports`);
  await admin(`CREATE DATABASE ${name}`);
  try {
    await runMigrations(url);
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    await generate(
      client,
      { reports: REPORTS, cases: Math.round(REPORTS * 0.6), days: DAYS },
      (step, done, total) => console.log(`[bench] ${stamp()} ${step} ${done}/${total}`),
    );
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM freezes)::int AS freezes,
              (SELECT count(*) FROM reimbursements)::int AS reimbursements,
              (SELECT count(*) FROM stats_daily_reports)::int AS report_rollup_rows,
              (SELECT count(*) FROM stats_daily_cases)::int AS case_rollup_rows`,
    );
    await client.end();
    console.log(`[bench] ${stamp()} loaded`, counts.rows[0]);

    const password = 'bench-admin-password-1';
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      BOOTSTRAP_ADMIN_EMAIL: 'bench.admin@police.test',
      BOOTSTRAP_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
      PORT: '0',
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}/api/v1`;
    try {
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'bench.admin@police.test', password }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const call = async (path: string): Promise<number> => {
        const t0 = performance.now();
        const res = await fetch(`${base}${path}`, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        return performance.now() - t0;
      };
      const measure = async (label: string, path: () => string) => {
        for (let i = 0; i < 20; i++) await call(path()); // warm-up
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) times.push(await call(path()));
        times.sort((a, b) => a - b);
        const row = {
          label,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: times[times.length - 1],
        };
        console.log(
          `[bench] ${stamp()} ${label}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`,
        );
        return row;
      };
      const rows = [
        await measure('GET /stats/summary', () => `/stats/summary?${filters()}`),
        await measure(
          'GET /stats/breakdown',
          () => `/stats/breakdown?by=${pick(['region', 'fraudType', 'month'])}&${filters()}`,
        ),
      ];
      const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
      console.log('');
      console.log(
        `Data: ${counts.rows[0].reports.toLocaleString('en')} reports, ` +
          `${counts.rows[0].cases.toLocaleString('en')} cases, ${counts.rows[0].freezes.toLocaleString('en')} freezes, ` +
          `${counts.rows[0].reimbursements.toLocaleString('en')} reimbursements over ${DAYS} days; ` +
          `rollup rows ${counts.rows[0].report_rollup_rows.toLocaleString('en')} + ` +
          `${counts.rows[0].case_rollup_rows.toLocaleString('en')}. Machine: ${machine}. ` +
          `${REQUESTS} sequential requests each after 20 warm-up, varied period (7–365 days), region, fraud type.`,
      );
      console.log('');
      console.log('| endpoint | p50 (ms) | p95 (ms) | max (ms) |');
      console.log('| --- | ---: | ---: | ---: |');
      for (const r of rows) {
        console.log(
          `| \`${r.label}\` | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`,
        );
      }
    } finally {
      await app.close();
    }
  } catch (err) {
    console.error(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`[bench] kept database ${name}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
