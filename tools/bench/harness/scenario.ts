/**
 * The contract between `npm run bench` (tools/bench/harness) and each scenario
 * (tools/bench/scenarios/<name>.ts). The harness starts what a scenario needs (its own
 * PostgreSQL and Redis, the built API and worker), runs each scenario beside its baseline in
 * the same run, and writes BENCHMARKS.md and bench/results/*.json from the results.
 */

/** A process the harness started; `rssBytes` reads its resident memory now. */
export interface BenchProcess {
  readonly pid: number;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export interface BenchApi extends BenchProcess {
  /** Base URL, e.g. http://127.0.0.1:41234 (the API is under /api/v1). */
  readonly url: string;
}

export interface StartOptions {
  /** Extra environment for the process (e.g. a setting under test). */
  env?: Record<string, string>;
}

export interface BenchEnv {
  /** A scratch database of the harness's own PostgreSQL, migrations run, empty of data. */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix for this scenario; queues of other scenarios never share it. */
  readonly queuePrefix: string;
  /** `quick` for a smoke run (small volumes, seconds); `full` for the figures in BENCHMARKS.md. */
  readonly scale: 'quick' | 'full';
  startApi(options?: StartOptions): Promise<BenchApi>;
  startWorker(options?: StartOptions): Promise<BenchProcess>;
  /** Shows progress on the terminal: `done` of `total` units of `label`. */
  progress(label: string, done: number, total?: number): void;
  log(line: string): void;
}

export interface BenchFigure {
  label: string;
  value: number | string;
  unit?: string;
  /** The target as written in the issue, e.g. "≥ 0.7× raw"; `met` says whether it was. */
  target?: string;
  met?: boolean;
}

export interface ScenarioResult {
  name: string;
  title: string;
  /** How to rerun this scenario alone. */
  command: string;
  figures: BenchFigure[];
  /** Sentences for BENCHMARKS.md: method, what the figures mean, before/after of a fix. */
  notes?: string[];
  /** Anything else worth keeping in the JSON (raw autocannon output, samples). */
  raw?: unknown;
}

export interface Scenario {
  name: string;
  title: string;
  run(env: BenchEnv): Promise<ScenarioResult>;
}
