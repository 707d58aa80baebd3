/**
 * `npm start`: one command for a whole deployment on one machine. Starts an embedded
 * PostgreSQL when DATABASE_URL is unset, checks Redis, runs migrations, then supervises the API
 * and the worker as child processes (the same entry points used to scale out): a crashed one is
 * restarted with backoff while the other keeps serving; SIGTERM/SIGINT stop both, then
 * PostgreSQL, then this process. The banner with the URLs and the first admin comes last.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '@app/config';
import { checkPostgres, runMigrations } from '@app/database';
import { checkRedis } from '@app/queue';
import { EmbeddedDb, EmbeddedPostgresError, resolveDatabase } from './embedded-postgres';
import { describeFirstAdmin, planFirstAdmin } from './supervisor/first-admin';
import { withHeapLimit } from './supervisor/heap-limit';
import { Output, wantsPretty } from './supervisor/output';
import { SupervisedChild } from './supervisor/supervised-child';

/** How long an app gets to drain (HTTP requests, running jobs) before it is killed. */
const CHILD_STOP_TIMEOUT_MS = /^\d+$/.test(process.env.START_STOP_TIMEOUT_MS ?? '')
  ? Number(process.env.START_STOP_TIMEOUT_MS)
  : 20_000;
/** Pids of everything npm start runs, for operators and the supervisor's e2e suite. */
const STATE_FILE = resolve(process.env.START_STATE_FILE ?? './.data/start.json');

const output = new Output(wantsPretty(process.env, process.stdout.isTTY === true));
const running: { db?: EmbeddedDb; children: SupervisedChild[]; port?: number } = { children: [] };
let stopping = false;
let started = false;
let firstSignalAt = 0;

function writeState() {
  if (stopping) return;
  const pids = Object.fromEntries(running.children.map((c) => [c.name, c.pid ?? null]));
  const state = {
    supervisor: process.pid,
    ...pids,
    postgres: running.db?.pid ?? null,
    postgresPort: running.db?.port ?? null,
    port: running.port ?? null,
  };
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  // Write, then rename: a reader never sees half a file.
  writeFileSync(`${STATE_FILE}.tmp`, `${JSON.stringify(state)}\n`);
  renameSync(`${STATE_FILE}.tmp`, STATE_FILE);
}

/** Stops the apps (in parallel), then PostgreSQL, then exits. Safe to call more than once. */
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  output.log('info', 'stopping the API and the worker');
  await Promise.all(running.children.map((c) => c.stop(CHILD_STOP_TIMEOUT_MS)));
  if (running.db?.pid) output.log('info', 'stopping the embedded PostgreSQL');
  await running.db?.stop().catch(() => undefined);
  rmSync(STATE_FILE, { force: true });
  output.log('info', 'stopped');
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals) {
  // During the setup steps there is nothing to drain yet: main() checks `stopping` after each.
  if (!started) {
    output.log('info', `${signal} during start: stopping`);
    stopping = true;
    return;
  }
  // Ctrl-C under npm arrives twice at once (from the terminal, and forwarded by npm): only a
  // signal a second or more after the first is a second Ctrl-C.
  if (stopping && Date.now() - firstSignalAt >= 1000) {
    // A second Ctrl-C: the person does not want to wait for the drain.
    output.log('warn', `${signal} again: killing the apps and PostgreSQL`);
    for (const c of running.children) c.kill();
    running.db?.kill();
    rmSync(STATE_FILE, { force: true });
    process.exit(1);
  }
  if (stopping) return;
  firstSignalAt = Date.now();
  void stopAll(0);
}

/** Embedded PostgreSQL (or DATABASE_URL), the preflight checks and the migrations. */
async function prepare(): Promise<ReturnType<typeof loadConfig> | null> {
  running.db = await resolveDatabase((m) => output.log('info', m));
  if (stopping) return null;
  process.env.DATABASE_URL = running.db.url;
  running.db.onUnexpectedExit((lastOutput) => {
    output.log('error', `the embedded PostgreSQL exited unexpectedly: ${lastOutput.trim()}`);
    void stopAll(1);
  });
  const config = loadConfig();
  const problems = [await checkPostgres(config.databaseUrl), await checkRedis(config.redis.url)];
  const found = problems.filter((p): p is string => p !== null);
  if (found.length) {
    for (const p of found) console.error(p);
    throw new StartAborted();
  }
  await runMigrations(config.databaseUrl, (m) => output.log('info', m));
  return stopping ? null : config;
}

class StartAborted extends Error {}

async function main() {
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
  let config: ReturnType<typeof loadConfig> | null;
  try {
    config = await prepare();
  } catch (err) {
    if (err instanceof EmbeddedPostgresError || err instanceof ConfigError)
      console.error(err.message);
    else if (!(err instanceof StartAborted))
      console.error(`start failed: ${(err as Error).message}`);
    await running.db?.stop().catch(() => undefined);
    process.exit(1);
  }
  if (!config) {
    await running.db?.stop().catch(() => undefined);
    process.exit(0);
  }

  const admin = await planFirstAdmin(config.databaseUrl, process.env);
  if (stopping) {
    await running.db?.stop().catch(() => undefined);
    process.exit(0);
  }
  running.port = config.http.port;
  const hooks = {
    line: (app: string, stream: 'stdout' | 'stderr', text: string) =>
      output.childLine(app, stream, text),
    log: (level: 'info' | 'warn' | 'error', msg: string) => output.log(level, msg),
    spawned: () => writeState(),
    fatal: (msg: string) => {
      output.log('error', msg);
      void stopAll(1);
    },
  };
  const entry = (app: string) => join(__dirname, '..', 'apps', app, 'src', 'main.js');
  const appEnv = withHeapLimit({ ...process.env });
  const apiEnv = { ...appEnv };
  if (admin.generatedPassword) apiEnv.BOOTSTRAP_ADMIN_PASSWORD = admin.generatedPassword;
  running.children.push(
    new SupervisedChild('api', entry('api'), apiEnv, hooks),
    new SupervisedChild('worker', entry('worker'), appEnv, hooks),
  );
  started = true;
  for (const c of running.children) c.start();
  await Promise.all(running.children.map((c) => c.ready));
  if (stopping) return;
  const base = `http://localhost:${config.http.port}`;
  output.banner([
    'npm start: the API and the worker are running (Ctrl-C stops both)',
    `API     ${base}/api/v1`,
    `docs    ${base}/api/docs`,
    `form    ${base}/`,
    await describeFirstAdmin(config.databaseUrl, admin),
  ]);
}

void main();
