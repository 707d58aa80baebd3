import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { checkPostgres } from '@app/database';
import {
  EmbeddedPostgresError,
  explainFailure,
  otherVersion,
  portInUse,
  ProblemContext,
  unreadableAsPostgres,
} from './embedded-postgres-problems';

export { EmbeddedPostgresError } from './embedded-postgres-problems';

export interface EmbeddedDb {
  url: string;
  /** The postmaster's pid when this call started it (its process group has the same id). */
  pid?: number;
  port?: number;
  /** Called when a PostgreSQL this call started exits without stop() being called. */
  onUnexpectedExit(listener: (lastOutput: string) => void): void;
  stop(): Promise<void>;
  /** SIGKILL to what this call started, at once (PostgreSQL recovers on its next start). */
  kill(): void;
}

const DATABASE = 'fraud';
const USER = 'postgres';
const PASSWORD = 'postgres';
/** Kept in the data directory: the port picked for it once, so two clones never share one. */
const PORT_FILE = 'fraud-port';
/** Data directories made before ports were picked per directory used this one. */
const LEGACY_PORT = 54329;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * The binaries of the platform package that embedded-postgres depends on. It is ESM-only and
 * Node 20.19+ can require() ESM, so load it that way and type the two paths we use. We run
 * the binaries ourselves rather than through embedded-postgres's class: it installs its own
 * SIGINT/SIGTERM exit hook, which would stop PostgreSQL under the API and worker, and it lets
 * a failed spawn crash the process instead of telling us.
 */
function binaries(): { postgres: string; initdb: string } {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ESM package loaded via require(esm)
  return require(`@embedded-postgres/${os}-${process.arch}`) as {
    postgres: string;
    initdb: string;
  };
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (made if missing). */
function runAsUser(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', USER]);
    execFileSync('useradd', ['--system', '-g', USER, USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** As root: can the `postgres` user reach (search, read, run) this path? */
function reachableAs(runAs: RunAs, path: string, test: '-x' | '-w'): boolean {
  if (runAs.uid === undefined) return true;
  const r = spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { ...runAs });
  return r.status === 0;
}

/** The outermost directory on the way to path that the `postgres` user cannot enter. */
function firstUnreachable(runAs: RunAs, path: string): string {
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    if (!reachableAs(runAs, dir, '-x')) return dir;
  }
  return path;
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => done(true)),
    );
  });
}

/** A free port below Linux's ephemeral range, derived from the path so it is stable. */
async function pickPort(dir: string): Promise<number> {
  const start = 25432 + (createHash('sha256').update(dir).digest().readUInt16BE(0) % 2000);
  for (let port = start; port < start + 200; port++) if (await isPortFree(port)) return port;
  throw new EmbeddedPostgresError(
    `No free port for the embedded PostgreSQL between ${start} and ${start + 199}: set EMBEDDED_PG_PORT to a free port.`,
  );
}

async function choosePort(dir: string, portFile: string, initialised: boolean): Promise<number> {
  if (process.env.EMBEDDED_PG_PORT) return Number(process.env.EMBEDDED_PG_PORT);
  if (existsSync(portFile)) return Number(readFileSync(portFile, 'utf8').trim());
  const port = initialised && (await isPortFree(LEGACY_PORT)) ? LEGACY_PORT : await pickPort(dir);
  return port;
}

/** The pid in postmaster.pid when that process is alive (a stale file is PostgreSQL's to fix). */
function runningPostmaster(dir: string): { pid: number; port: number } | null {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid, port: Number(lines[3]) };
}

/** Runs a binary to its end; rejects with the one-sentence explanation of a failure. */
function runToEnd(bin: string, args: string[], runAs: RunAs, ctx: ProblemContext): Promise<void> {
  return new Promise((done, fail) => {
    let output = '';
    const child = spawn(bin, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', (err) => fail(explainFailure(ctx, output, err)));
    child.once('close', (code) => (code === 0 ? done() : fail(explainFailure(ctx, output))));
  });
}

async function initialise(dir: string, runAs: RunAs, ctx: ProblemContext, initdb: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid!);
  const pwfile = join(tmpdir(), `fraud-pg-pw-${process.pid}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwfile, runAs.uid, runAs.gid!);
  try {
    await runToEnd(
      initdb,
      [
        `--pgdata=${dir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
      ].concat(['--encoding=UTF8', '--no-locale']),
      runAs,
      ctx,
    );
  } catch (err) {
    // A half-made directory would make the next start fail with "not empty".
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    unlinkSync(pwfile);
  }
}

/** The PostgreSQL major version of the platform package (its version is `18.4.0-beta.17`). */
function binaryMajor(postgresBin: string): number {
  const pkg = join(dirname(postgresBin), '..', '..', 'package.json');
  return Number(
    /^\d+/.exec((JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version),
  );
}

/** Signals the whole process group (postmaster and backends); it may be gone already. */
function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left to stop.
  }
}

function ensureExecutable(path: string) {
  const mode = statSync(path).mode;
  if ((mode & 0o555) !== 0o555) chmodSync(path, mode | 0o555);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries, data under ./.data/postgres
 * (EMBEDDED_PG_DIR), kept across restarts, on a port picked once per data directory. Used only
 * when DATABASE_URL is not set. Every failure is an EmbeddedPostgresError with one sentence.
 */
export async function startEmbeddedPostgres(log: (m: string) => void): Promise<EmbeddedDb> {
  const dir = resolve(process.env.EMBEDDED_PG_DIR ?? './.data/postgres');
  const portFile = join(dir, PORT_FILE);
  const bins = binaries();
  const runAs = runAsUser();
  const asPostgresUser = runAs.uid !== undefined;
  mkdirSync(dirname(dir), { recursive: true });
  for (const path of [bins.postgres, bins.initdb, dirname(dir)]) {
    if (!reachableAs(runAs, path, '-x')) throw unreadableAsPostgres(firstUnreachable(runAs, path));
  }
  ensureExecutable(bins.postgres);
  ensureExecutable(bins.initdb);
  const initialised = existsSync(join(dir, 'PG_VERSION'));
  const port = await choosePort(dir, portFile, initialised);
  const ctx: ProblemContext = { dir, port, portFile, asPostgresUser };
  if (!(await isPortFree(port))) throw portInUse(ctx);
  const ours = binaryMajor(bins.postgres);
  if (initialised) {
    const found = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
    if (Number(found) !== ours) throw otherVersion(ctx, found, ours);
  } else {
    log(`initialising embedded PostgreSQL ${ours} in ${dir}`);
    await initialise(dir, runAs, ctx, bins.initdb);
  }
  if (!existsSync(portFile)) writeFileSync(portFile, `${port}\n`);

  const child = spawn(
    bins.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'].concat([
      // No Unix socket: nothing to collide on in /tmp, and TCP is all the apps use.
      '-c',
      'unix_socket_directories=',
    ]),
    // Its own process group: Ctrl-C in the terminal reaches the supervisor, which stops the
    // API and worker first and PostgreSQL last, instead of PostgreSQL dying under them.
    { ...runAs, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let stopping = false;
  const exitListeners: ((lastOutput: string) => void)[] = [];
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => {
      killGroup(child.pid!, 'SIGKILL');
      fail(explainFailure(ctx, `${output}\nno "ready" after ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onData = (c: Buffer) => {
      // Only the recent output matters for an explanation; PostgreSQL's log is not kept.
      output = (output + c.toString()).slice(-8000);
      if (/ready to accept connections/.test(output)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(explainFailure(ctx, output, err));
    });
    child.once('close', () => {
      clearTimeout(timer);
      if (stopping) return;
      fail(explainFailure(ctx, output));
      for (const l of exitListeners) l(output);
    });
  });
  await ensureDatabase(port);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopping = true;
    // SIGINT is PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint, exits.
    child.kill('SIGINT');
    const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return {
    url: urlFor(port),
    pid: child.pid,
    port,
    onUnexpectedExit: (l) => exitListeners.push(l),
    stop,
    kill: () => {
      stopping = true;
      killGroup(child.pid!, 'SIGKILL');
    },
  };
}

async function ensureDatabase(port: number) {
  const client = new Client({ ...parseUrl(urlFor(port)), database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function parseUrl(url: string) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port), user: u.username, password: u.password };
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL of this data directory, reusing it
 * when it already runs (another `npm start`, or `npm run seed:demo` beside one) or starting
 * it. `stop` only stops what this call started.
 */
export async function resolveDatabase(log: (m: string) => void): Promise<EmbeddedDb> {
  const notOurs = (url: string): EmbeddedDb => ({
    url,
    onUnexpectedExit: () => undefined,
    stop: async () => undefined,
    kill: () => undefined,
  });
  if (process.env.DATABASE_URL) return notOurs(process.env.DATABASE_URL);
  const dir = resolve(process.env.EMBEDDED_PG_DIR ?? './.data/postgres');
  const running = runningPostmaster(dir);
  if (running) {
    const url = urlFor(running.port);
    if ((await checkPostgres(url)) === null) {
      log(`using the embedded PostgreSQL that is already running on port ${running.port}`);
      return notOurs(url);
    }
    throw new EmbeddedPostgresError(
      `A PostgreSQL (pid ${running.pid}) is running on ${dir} but does not answer on port ` +
        `${running.port}: stop it (\`kill ${running.pid}\`) and run npm start again.`,
    );
  }
  return startEmbeddedPostgres(log);
}
