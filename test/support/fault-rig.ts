/**
 * Machinery of the fault suites (test/fault-*.e2e-spec.ts): real API and worker processes
 * (the compiled entry points operators run), a Redis server of the test's own, all on free
 * ports, which a test can kill, restart and signal. Every process a rig started is killed in
 * `cleanup()` (call it in afterEach/afterAll), and on the jest process's exit as a last resort,
 * so a failing test leaves nothing running.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { testEnv } from './test-app';
import type { TestDatabase } from './test-database';

const DIST = join(__dirname, '..', '..', 'dist', 'apps');
export const API_ENTRY = join(DIST, 'api', 'src', 'main.js');
export const WORKER_ENTRY = join(DIST, 'worker', 'src', 'main.js');

/** A TCP port nobody listens on right now (the OS picks it). */
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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * How a process ended. Nest re-raises SIGTERM after its shutdown hooks ran, so a graceful stop
 * shows as `signal: 'SIGTERM'`; `SIGKILL` means the grace period ran out.
 */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One child process with its output kept (the tail is shown when a wait fails). */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private log = '';
  /** The signal cleanup() stops it with: SIGKILL, unless it must tidy up (PostgreSQL). */
  stopSignal: NodeJS.Signals = 'SIGKILL';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
  ) {}

  protected setEnv(name: string, value: string): void {
    this.env[name] = value;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && !this.child.signalCode;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output(): string {
    return this.log;
  }

  /** Spawns the process and waits until it prints `ready` (or fails with its output). */
  async start(ready: RegExp, timeoutMs = 30_000): Promise<this> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const mark = this.log.length;
    const child = spawn(this.command, this.args, {
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(child);
    const append = (chunk: Buffer) => {
      this.log += chunk.toString();
      // Bounded: a long run must not hold megabytes of log.
      if (this.log.length > 200_000) this.log = this.log.slice(-100_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    this.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        live.delete(child);
        resolve({ code, signal });
      });
    });
    const deadline = Date.now() + timeoutMs;
    while (!ready.test(this.log.slice(mark))) {
      if (!this.running) throw new Error(`${this.name} exited before ready:\n${this.tail()}`);
      if (Date.now() > deadline) {
        await this.kill('SIGKILL');
        throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.tail()}`);
      }
      await sleep(50);
    }
    return this;
  }

  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 20_000): Promise<ExitStatus> {
    const child = this.child;
    if (!child || !this.running) return this.exit;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await this.exit;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves once the process has exited. */
  exited(): Promise<ExitStatus> {
    return this.exit;
  }

  tail(chars = 4000): string {
    return this.log.slice(-chars);
  }
}

/** A redis-server of the test's own: no snapshot, no AOF, so a restart is an empty Redis. */
export class RedisServer extends ManagedProcess {
  constructor(readonly port: number) {
    super(
      `redis:${port}`,
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  up(): Promise<this> {
    return this.start(/Ready to accept connections/);
  }
}

/**
 * A PostgreSQL of the test's own (test/support/embedded-pg-server.mjs) in `dir`, which the
 * test may stop and start again; the data survive. Stopped with SIGTERM, never killed: a killed
 * wrapper would leave its postgres running.
 */
export class EmbeddedPostgresServer extends ManagedProcess {
  private initialised = false;

  constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    super(`postgres:${port}`, process.execPath, [join(__dirname, 'embedded-pg-server.mjs')], {
      PG_DIR: dir,
      PG_PORT: String(port),
    });
    this.stopSignal = 'SIGTERM';
  }

  /** The URL of database `name` as the superuser. */
  url(name = 'postgres'): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${name}`;
  }

  /** Starts PostgreSQL (initialising the data directory the first time). */
  async up(): Promise<this> {
    this.setEnv('PG_INIT', this.initialised ? '0' : '1');
    await this.start(/PG ready/, 60_000);
    this.initialised = true;
    return this;
  }

  /** A fast shutdown of PostgreSQL; its connections are cut. */
  async down(): Promise<void> {
    const exit = await this.kill('SIGTERM', 30_000);
    if (exit.code !== 0) throw new Error(`postgres did not stop cleanly:\n${this.tail()}`);
  }
}

/** A compiled app (`api` or `worker`) as its own process. */
export class AppProcess extends ManagedProcess {
  constructor(
    readonly app: 'api' | 'worker',
    env: Record<string, string>,
    readonly port?: number,
  ) {
    super(app, process.execPath, [app === 'api' ? API_ENTRY : WORKER_ENTRY], env);
  }

  /** The API's base URL (`http://127.0.0.1:<port>/api/v1`). */
  get baseUrl(): string {
    if (this.port === undefined) throw new Error('the worker has no HTTP port');
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  up(): Promise<this> {
    return this.start(this.app === 'api' ? /API ready/ : /Worker ready/);
  }
}

/**
 * One deployment made of processes: its database (a fresh one on the shared PostgreSQL, or one
 * the test brings), its own Redis, and the API and worker processes the test starts.
 */
export class FaultRig {
  readonly env: Record<string, string>;
  private readonly processes: ManagedProcess[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly redis: RedisServer,
    overrides: Record<string, string>,
  ) {
    this.env = testEnv(db, {
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
      RATE_LIMIT_REFERENCE_PER_WINDOW: '1000000',
      ...overrides,
    });
    this.processes.push(redis);
  }

  /** Starts the rig's Redis; `db` must be migrated already. */
  static async start(db: TestDatabase, env: Record<string, string> = {}): Promise<FaultRig> {
    if (!existsSync(API_ENTRY) || !existsSync(WORKER_ENTRY)) {
      throw new Error('fault suites run the compiled apps: npm run build first');
    }
    const redis = new RedisServer(await freePort());
    const rig = new FaultRig(db, redis, env);
    await redis.up();
    return rig;
  }

  /** Starts an API process on a free port (a new one each call). */
  async api(env: Record<string, string> = {}): Promise<AppProcess> {
    const port = await freePort();
    const api = new AppProcess('api', { ...this.env, ...env, PORT: String(port) }, port);
    this.processes.push(api);
    return api.up();
  }

  /** Starts a worker process. */
  async worker(env: Record<string, string> = {}): Promise<AppProcess> {
    const worker = new AppProcess('worker', { ...this.env, ...env });
    this.processes.push(worker);
    return worker.up();
  }

  /** Kills Redis and starts an empty one on the same port: every job and scheduler is gone. */
  async restartRedisEmpty(): Promise<void> {
    await this.redis.kill('SIGKILL');
    await this.redis.up();
  }

  /** The output of every process, for a failure message. */
  logs(): string {
    return this.processes.map((p) => `--- ${p.name} (pid ${p.pid})\n${p.tail(3000)}`).join('\n');
  }

  /** Adds a process the test started itself, so that cleanup() stops it too. */
  adopt<T extends ManagedProcess>(process: T): T {
    this.processes.push(process);
    return process;
  }

  /** Kills whatever still runs, then drops the database. */
  async cleanup(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.kill(p.stopSignal)));
    await this.db.drop().catch(() => undefined);
  }
}
