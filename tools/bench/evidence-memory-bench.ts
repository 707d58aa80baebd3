/**
 * `npm run bench:evidence`: the API's memory while citizens upload evidence. Starts the built
 * API (dist/) as a child process on a fresh database and a free port, files reports, then sends
 * BENCH_UPLOADS (default 40) parallel uploads of 10 MB and samples the child's resident set
 * (/proc/<pid>/status, every 20 ms). Prints a markdown row for BENCHMARKS.md. Needs PostgreSQL
 * (BENCH_PG_ADMIN_URL, default postgres://root@127.0.0.1:5432/postgres) and Redis (REDIS_URL);
 * Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '@app/database';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 40);
const FILE_BYTES = 10 * 1024 * 1024;
const PER_REPORT = 10;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resident and peak resident memory of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reportBody(): Record<string, unknown> {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  return {
    reporter: {
      fullName: 'Bench Citizen',
      phone: `+7 701 ${1_000_000 + Math.floor(Math.random() * 8_999_999)}`,
      region: 'almaty_city',
    },
    incident: {
      fraudType: 'online_purchase',
      channel: 'marketplace',
      occurredAt: hourAgo,
      description: 'Benchmark report: evidence uploads and the memory of the API.',
    },
    transactions: [{ paidAt: hourAgo, amount: '1000.00', method: 'card' }],
    consent: true,
  };
}

async function main(): Promise<void> {
  const name = `bench_evidence_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const evidenceDir = mkdtempSync(join(tmpdir(), 'bench-evidence-'));
  const port = await freePort();
  await admin(`CREATE DATABASE ${name}`);
  await runMigrations(url.toString());
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BOOTSTRAP_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      EVIDENCE_DIR: evidenceDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
      RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i += 1) {
      const ready = await fetch(`${base}/health/ready`).catch(() => undefined);
      if (ready?.ok) break;
      if (i > 300) throw new Error('API did not become ready');
      await sleep(100);
    }
    const reports: Array<{ reference: string; accessCode: string }> = [];
    for (let i = 0; i < Math.ceil(UPLOADS / PER_REPORT); i += 1) {
      const res = await fetch(`${base}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reportBody()),
      });
      if (res.status !== 202) throw new Error(`report: ${res.status} ${await res.text()}`);
      reports.push((await res.json()) as { reference: string; accessCode: string });
    }
    const file = new Blob([
      Buffer.concat([Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]), Buffer.alloc(FILE_BYTES - 5)]),
    ]);
    await sleep(1000);
    const idle = memoryOf(child.pid!);
    let peak = idle.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, memoryOf(child.pid!).rss);
        await sleep(20);
      }
    })();
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: UPLOADS }, async (_, i) => {
        const report = reports[Math.floor(i / PER_REPORT)];
        const form = new FormData();
        form.append('file', file, `bench-${i}.pdf`);
        const res = await fetch(`${base}/api/v1/reports/${report.reference}/evidence`, {
          method: 'POST',
          headers: { 'x-access-code': report.accessCode },
          body: form,
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    sampling = false;
    await sampler;
    const created = statuses.filter((s) => s === 201).length;
    console.log(
      `| ${UPLOADS} × 10 MB in parallel | ${created} × 201 | ${idle.rss.toFixed(0)} | ` +
        `${peak.toFixed(0)} | ${(peak - idle.rss).toFixed(0)} | ${seconds.toFixed(1)} |`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(evidenceDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
