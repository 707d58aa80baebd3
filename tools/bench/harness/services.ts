/**
 * What `npm run bench` starts for itself: an embedded PostgreSQL (tools/embedded-postgres.ts)
 * in a scratch data directory on a free port, a `redis-server` on a free port without
 * persistence, and the built API / worker / baseline as child processes. Everything started
 * here is stopped by the harness, also on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../embedded-postgres';
import { withHeapLimit } from '../../supervisor/heap-limit';
import type { BenchApi, BenchProcess, StartOptions } from './scenario';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a live process (VmRSS in /proc/<pid>/status), in bytes. Linux only. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** CPU time a live process has used so far (user + system, /proc/<pid>/stat), in seconds. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) close with ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU time the machine's processes and kernel have used (all cores, /proc/stat), s. */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  // user nice system idle iowait irq softirq steal …: idle, iowait and steal (time the host gave
  // to other guests) are not work done here.
  const [user, nice, system, , , irq, softirq] = fields.map(Number);
  return (user + nice + system + irq + softirq) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

export interface Postgres {
  /** Admin URL (database `postgres`). */
  adminUrl: string;
  version: string;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

export async function startPostgres(log: (line: string) => void): Promise<Postgres> {
  const root = mkdtempSync(join(tmpdir(), 'fraud-bench-pg-'));
  // Run as root, PostgreSQL runs as the `postgres` user: it must be able to enter the parent.
  chmodSync(root, 0o755);
  const port = await freePort();
  const saved = { dir: process.env.EMBEDDED_PG_DIR, port: process.env.EMBEDDED_PG_PORT };
  process.env.EMBEDDED_PG_DIR = join(root, 'data');
  process.env.EMBEDDED_PG_PORT = String(port);
  let db;
  try {
    db = await startEmbeddedPostgres(log);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  } finally {
    restoreEnv('EMBEDDED_PG_DIR', saved.dir);
    restoreEnv('EMBEDDED_PG_PORT', saved.port);
  }
  const started = db;
  const urlOf = (database: string) => {
    const url = new URL(started.url);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const adminUrl = urlOf('postgres');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
    .server_version;
  // Room for two API replicas, two workers and the baseline at 64 connections each.
  await client.query('ALTER SYSTEM SET max_connections = 300');
  await client.end();
  await started.stop();
  process.env.EMBEDDED_PG_DIR = join(root, 'data');
  process.env.EMBEDDED_PG_PORT = String(port);
  try {
    db = await startEmbeddedPostgres(log);
  } finally {
    restoreEnv('EMBEDDED_PG_DIR', saved.dir);
    restoreEnv('EMBEDDED_PG_PORT', saved.port);
  }
  const running = db;
  return {
    adminUrl,
    version,
    urlOf,
    stop: async () => {
      await running.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Redis {
  url: string;
  version: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fraud-bench-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((ready, fail) => {
    const onData = (c: Buffer) => {
      output = (output + c.toString()).slice(-4000);
      if (/Ready to accept connections/.test(output)) ready();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) =>
      fail(new Error(`redis-server could not start (is it installed?): ${err.message}`)),
    );
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}): ${output}`)));
  });
  const version = /version=(\d+\.\d+\.\d+)/.exec(output)?.[1] ?? 'unknown';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url: `redis://127.0.0.1:${port}`,
    version,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AppSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** The same PII key for API, worker and baseline of a scenario (same crypto, readable rows). */
  piiKey: string;
  jwtSecret: string;
  evidenceDir: string;
}

export function newSettings(
  databaseUrl: string,
  redisUrl: string,
  queuePrefix: string,
): AppSettings {
  return {
    databaseUrl,
    redisUrl,
    queuePrefix,
    piiKey: randomBytes(32).toString('base64'),
    jwtSecret: randomBytes(32).toString('hex'),
    evidenceDir: mkdtempSync(join(tmpdir(), 'fraud-bench-evidence-')),
  };
}

/**
 * The environment of a built app: production-like (the heap limit `npm start` and the image
 * set, tools/supervisor/heap-limit.ts), quiet logs, no rate limit in the way.
 */
export function appEnv(settings: AppSettings, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    JWT_SECRET: settings.jwtSecret,
    PII_ENCRYPTION_KEY: settings.piiKey,
    BOOTSTRAP_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    EVIDENCE_DIR: settings.evidenceDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    // One client IP sends everything: the limiter still runs, it just never says 429.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_REFERENCE_PER_WINDOW: '100000000',
  };
  return withHeapLimit({ ...env, ...extra });
}

const READY_TIMEOUT_MS = 90_000;

/**
 * A built app as a child process; its output is discarded except the last lines, shown when
 * it fails to start. `url` is the address answering `readyPath` once up.
 */
export async function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  readyUrl: string,
  nodeArgs: string[] = [],
): Promise<BenchProcess & { child: ChildProcess; cpuSeconds(): number }> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  const started = Date.now();
  for (;;) {
    if (gone) throw new Error(`${name} exited while starting:\n${output}`);
    const res = await fetch(readyUrl).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() - started > READY_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(200);
  }
  return {
    pid: child.pid!,
    child,
    rssBytes: () => Promise.resolve(gone ? 0 : rssOf(child.pid!)),
    cpuSeconds: () => (gone ? 0 : cpuSecondsOf(child.pid!)),
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type { BenchApi, StartOptions };
