/**
 * `npm run bench:reads`: the read scenarios alone, without the `npm run bench` harness, on a
 * database of their own (created and dropped here) and the API in this process.
 * `BENCH_SCENARIO=reads-1m|reads-10m` (default reads-1m), `BENCH_SCALE=quick|full` (default
 * full). Needs PostgreSQL (BENCH_PG_ADMIN_URL, default postgres://root@127.0.0.1:5432/postgres)
 * and Redis (REDIS_URL). Prints the figures and writes them to bench/results/<name>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import type { BenchApi, BenchEnv, BenchProcess, Scenario } from './harness/scenario';
import { scenario as reads10m } from './scenarios/reads-10m';
import { scenario as reads1m } from './scenarios/reads-1m';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const SCENARIOS: Scenario[] = [reads1m, reads10m];

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

async function main(): Promise<void> {
  const chosen = process.env.BENCH_SCENARIO ?? 'reads-1m';
  const scenario = SCENARIOS.find((s) => s.name === chosen);
  if (!scenario)
    throw new Error(`no scenario ${chosen}: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const name = `bench_reads_${randomBytes(4).toString('hex')}`;
  const url = dbUrl(name);
  const t0 = Date.now();
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`;
  await admin(`CREATE DATABASE ${name}`);
  const queuePrefix = `benchreads${randomBytes(3).toString('hex')}`;
  const env: BenchEnv = {
    databaseUrl: url,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix,
    scale: process.env.BENCH_SCALE === 'quick' ? 'quick' : 'full',
    async startApi(options) {
      const config = loadConfig({
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        QUEUE_PREFIX: queuePrefix,
        LOG_LEVEL: 'warn',
        PORT: '0',
        ...options?.env,
      });
      const app = await createApiApp(config);
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      const api: BenchApi = {
        pid: process.pid,
        url: `http://127.0.0.1:${port}`,
        rssBytes: () => Promise.resolve(process.memoryUsage().rss),
        stop: () => app.close(),
      };
      return api;
    },
    startWorker(): Promise<BenchProcess> {
      return Promise.reject(new Error('the read scenarios run no worker'));
    },
    progress(label, done, total) {
      console.log(`[bench] ${stamp()} ${label} ${done}${total === undefined ? '' : `/${total}`}`);
    },
    log(line) {
      console.log(`[bench] ${stamp()} ${line}`);
    },
  };
  try {
    await runMigrations(url);
    const result = await scenario.run(env);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/${result.name}.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${result.title}\n`);
    console.log('| figure | value | target |');
    console.log('| --- | ---: | --- |');
    for (const f of result.figures) {
      const target = f.target ? `${f.target}: ${f.met ? 'met' : 'NOT met'}` : '';
      console.log(`| ${f.label} | ${f.value}${f.unit ? ` ${f.unit}` : ''} | ${target} |`);
    }
    for (const note of result.notes ?? []) console.log(`\n${note}`);
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`[bench] kept database ${name}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
