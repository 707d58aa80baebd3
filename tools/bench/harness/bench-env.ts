/**
 * The BenchEnv one scenario gets: its own migrated database, its own queue prefix, and the
 * built apps started on free ports with the same secrets (so the baseline writes rows the
 * worker can read). Every process started through it is stopped by `close()`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMigrations } from '@app/database';
import type { BenchApi, BenchEnv, BenchProcess, StartOptions } from './scenario';
import type { AppSettings, Postgres } from './services';
import { adminQuery, appEnv, freePort, newSettings, startProcess } from './services';

/** The built tree (`npm run build`): `dist/` at the repository root. */
export const DIST = resolve(__dirname, '..', '..', '..');

/** A process whose CPU time can be read: CPU per report holds up on a busy machine. */
export interface Measured {
  /** User + system CPU seconds the process has used since it started. */
  cpuSeconds(): number;
}

export type HarnessApi = BenchApi & Measured;

export interface BenchWorker extends BenchProcess, Measured {
  /** The worker's ops server: `/metrics` (Prometheus text) and `/health/*`. */
  readonly metricsUrl: string;
}

export interface StartBaselineOptions extends StartOptions {
  /** Node options, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/** What the harness offers beyond the shared contract (scenario.ts); scenarios may use it. */
export interface HarnessEnv extends BenchEnv {
  startWorker(options?: StartOptions): Promise<BenchWorker>;
  /**
   * A baseline server built from tools/bench/baseline/<name>.ts, on a free port, with the same
   * database, Redis and secrets as the API. It must answer `GET /health/ready` once up.
   */
  startBaseline(name: string, options?: StartBaselineOptions): Promise<HarnessApi>;
  startApi(options?: StartBaselineOptions): Promise<HarnessApi>;
}

export class ScenarioEnv implements HarnessEnv {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  private readonly settings: AppSettings;
  private readonly started: BenchProcess[] = [];

  private constructor(
    private readonly pg: Postgres,
    private readonly database: string,
    redisUrl: string,
    readonly scale: 'quick' | 'full',
    readonly progress: (label: string, done: number, total?: number) => void,
    readonly log: (line: string) => void,
  ) {
    this.databaseUrl = pg.urlOf(database);
    this.redisUrl = redisUrl;
    this.queuePrefix = `bench${randomBytes(4).toString('hex')}`;
    this.settings = newSettings(this.databaseUrl, redisUrl, this.queuePrefix);
  }

  static async create(
    pg: Postgres,
    scenario: string,
    redisUrl: string,
    scale: 'quick' | 'full',
    progress: (label: string, done: number, total?: number) => void,
    log: (line: string) => void,
  ): Promise<ScenarioEnv> {
    const database = `bench_${scenario.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(3).toString('hex')}`;
    await adminQuery(pg.adminUrl, `CREATE DATABASE ${database}`);
    const env = new ScenarioEnv(pg, database, redisUrl, scale, progress, log);
    await runMigrations(env.databaseUrl);
    return env;
  }

  private script(relative: string): string {
    const path = join(DIST, relative);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    return path;
  }

  private track<T extends BenchProcess>(process: T): T {
    this.started.push(process);
    const stop = process.stop.bind(process);
    return Object.assign(process, {
      stop: async () => {
        await stop();
        const index = this.started.indexOf(process);
        if (index >= 0) this.started.splice(index, 1);
      },
    });
  }

  async startApi(options: StartBaselineOptions = {}): Promise<HarnessApi> {
    const port = await freePort();
    const env = appEnv(this.settings, { PORT: String(port), ...options.env });
    const url = `http://127.0.0.1:${port}`;
    // BENCH_API_NODE_ARGS: node flags for every API a scenario starts (a CPU profile, heap
    // experiments), before the scenario's own.
    const fromEnv = nodeArgsFrom(process.env.BENCH_API_NODE_ARGS);
    const started = await startProcess(
      'API',
      this.script('apps/api/src/main.js'),
      env,
      `${url}/health/ready`,
      [...fromEnv, ...(options.nodeArgs ?? [])],
    );
    return this.track(Object.assign(started, { url }));
  }

  async startWorker(options: StartBaselineOptions = {}): Promise<BenchWorker> {
    const port = await freePort();
    // BENCH_WORKER_ENV: settings for every worker (`TRIAGE_BATCH_SIZE=64 …`), to try them.
    const env = appEnv(this.settings, {
      WORKER_METRICS_PORT: String(port),
      ...settingsFrom(process.env.BENCH_WORKER_ENV),
      ...options.env,
    });
    const metricsUrl = `http://127.0.0.1:${port}`;
    // BENCH_WORKER_NODE_ARGS: the same for every worker.
    const started = await startProcess(
      'worker',
      this.script('apps/worker/src/main.js'),
      env,
      `${metricsUrl}/health/ready`,
      [...nodeArgsFrom(process.env.BENCH_WORKER_NODE_ARGS), ...(options.nodeArgs ?? [])],
    );
    return this.track(Object.assign(started, { metricsUrl }));
  }

  async startBaseline(name: string, options: StartBaselineOptions = {}): Promise<HarnessApi> {
    const port = await freePort();
    const env = appEnv(this.settings, { PORT: String(port), ...options.env });
    const url = `http://127.0.0.1:${port}`;
    // BENCH_BASELINE_NODE_ARGS: node flags for every baseline server, as for the API.
    const started = await startProcess(
      `baseline ${name}`,
      this.script(`tools/bench/baseline/${name}.js`),
      env,
      `${url}/health/ready`,
      [...nodeArgsFrom(process.env.BENCH_BASELINE_NODE_ARGS), ...(options.nodeArgs ?? [])],
    );
    return this.track(Object.assign(started, { url }));
  }

  /** Stops what the scenario left running and drops its database. */
  async close(): Promise<void> {
    for (const process of [...this.started].reverse()) await process.stop().catch(() => undefined);
    rmSync(this.settings.evidenceDir, { recursive: true, force: true });
    await adminQuery(this.pg.adminUrl, `DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
  }

  /** Ctrl-C: stop every child at once. */
  killAll(): void {
    for (const p of this.started) void p.stop();
  }
}

/** Node flags from a space-separated environment variable (none when unset). */
function nodeArgsFrom(value: string | undefined): string[] {
  return (value ?? '').split(' ').filter(Boolean);
}

/** `NAME=value` pairs from a space-separated environment variable. */
function settingsFrom(value: string | undefined): Record<string, string> {
  const pairs = (value ?? '').split(' ').filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`BENCH_WORKER_ENV: ${pair} is not NAME=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}
