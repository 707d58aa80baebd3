/**
 * `npm run bench`: builds (the npm script), starts its own PostgreSQL and Redis, runs every
 * scenario of tools/bench/scenarios (or `--only=a,b`) beside its baseline, writes
 * bench/results/<scenario>.json and rewrites the generated block of BENCHMARKS.md.
 *
 *   npm run bench                          all scenarios, full volumes
 *   npm run bench -- --only=intake         one scenario
 *   BENCH_SCALE=quick npm run bench        small volumes (results under bench/quick/)
 *   npm run bench -- --render              only rewrite BENCHMARKS.md from bench/results/
 *   npm run bench -- --out=<dir>           write BENCHMARKS.md and results/ under <dir>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SCENARIOS } from '../scenarios';
import { ScenarioEnv } from './bench-env';
import type { Machine, ResultFile } from './report';
import { updateBenchmarks } from './report';
import type { Scenario } from './scenario';
import { startPostgres, startRedis } from './services';
import type { Postgres, Redis } from './services';

/** The repository root: the nearest folder above with package.json (from tools/ or dist/tools/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const REPO = repoRoot();

interface Options {
  only: string[] | null;
  scale: 'quick' | 'full';
  render: boolean;
  out: string;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const scale = env.BENCH_SCALE === 'quick' ? 'quick' : 'full';
  if (env.BENCH_SCALE && !['quick', 'full'].includes(env.BENCH_SCALE)) {
    throw new Error(`BENCH_SCALE must be quick or full, not ${env.BENCH_SCALE}`);
  }
  let only: string[] | null = null;
  let render = false;
  let out = scale === 'quick' ? join(REPO, 'bench', 'quick') : REPO;
  for (const arg of argv) {
    if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--render') render = true;
    else if (arg.startsWith('--out=')) out = resolve(arg.slice('--out='.length));
    else throw new Error(`unknown option ${arg} (known: --only=<names>, --render, --out=<dir>)`);
  }
  return { only, scale, render, out };
}

function selected(only: string[] | null): Scenario[] {
  if (only === null) return SCENARIOS;
  const unknown = only.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  return SCENARIOS.filter((s) => only.includes(s.name));
}

function machine(pg: string, redis: string): Machine {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: (cpu[0]?.model ?? 'unknown').trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
    node: process.version,
    postgres: pg,
    redis,
    os: `${type()} ${release()}`,
  };
}

const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
const log = (line: string) => {
  clearProgress();
  console.log(`[bench ${clock()}] ${line}`);
};

let progressShown = false;
let lastProgressLine = 0;
function clearProgress() {
  if (progressShown && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  progressShown = false;
}

/** On a terminal one line updated in place; otherwise a line every 5 s at most. */
function progress(label: string, done: number, total?: number) {
  const text = `${label}: ${done.toLocaleString('en')}${total === undefined ? '' : ` / ${total.toLocaleString('en')}`}`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[K[bench ${clock()}] ${text}`);
    progressShown = true;
  } else if (Date.now() - lastProgressLine > 5000 || (total !== undefined && done >= total)) {
    lastProgressLine = Date.now();
    console.log(`[bench ${clock()}] ${text}`);
  }
}

function readResults(dir: string): ResultFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ResultFile);
}

function writeReport(out: string): void {
  const file = join(out, 'BENCHMARKS.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const files = readResults(join(out, 'bench', 'results'));
  writeFileSync(file, updateBenchmarks(existing, files));
  try {
    // The repository's formatting (tables aligned); absent prettier the text is still valid.
    execFileSync(join(REPO, 'node_modules', '.bin', 'prettier'), ['--write', file], {
      stdio: 'ignore',
    });
  } catch {
    // Keep the unformatted file.
  }
  log(`wrote ${file} (${files.length} scenario results)`);
}

function serialise(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const outResults = join(options.out, 'bench', 'results');
  if (options.render) {
    writeReport(options.out);
    return;
  }
  const scenarios = selected(options.only);
  log(`scale ${options.scale}; scenarios: ${scenarios.map((s) => s.name).join(', ')}`);
  let pg: Postgres | undefined;
  let redis: Redis | undefined;
  let current: ScenarioEnv | undefined;
  let failures = 0;
  const stopAll = async () => {
    current?.killAll();
    await redis?.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
  };
  const onSignal = () => {
    log('interrupted: stopping what the bench started');
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    pg = await startPostgres((line) => log(line));
    redis = await startRedis();
    log(`PostgreSQL ${pg.version} and Redis ${redis.version} started for this run`);
    mkdirSync(outResults, { recursive: true });
    for (const scenario of scenarios) {
      const at = new Date();
      log(`scenario ${scenario.name}: ${scenario.title}`);
      const host = machine(pg.version, redis.version);
      current = await ScenarioEnv.create(
        pg,
        scenario.name,
        redis.url,
        options.scale,
        progress,
        log,
      );
      try {
        const result = await scenario.run(current);
        const file: ResultFile = {
          scenario: result,
          scale: options.scale,
          startedAt: at.toISOString(),
          seconds: (Date.now() - at.getTime()) / 1000,
          machine: host,
        };
        writeFileSync(join(outResults, `${scenario.name}.json`), `${serialise(file)}\n`);
        for (const f of result.figures) {
          const met = f.met === undefined ? '' : f.met ? ' (target met)' : ' (target NOT met)';
          log(`  ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ''}${met}`);
        }
      } catch (error) {
        failures += 1;
        log(`scenario ${scenario.name} failed: ${(error as Error).stack ?? String(error)}`);
      } finally {
        await current.close().catch((e: unknown) => log(`cleanup: ${String(e)}`));
        current = undefined;
      }
    }
  } finally {
    await stopAll();
  }
  writeReport(options.out);
  if (failures > 0) {
    log(`${failures} scenario(s) failed`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    clearProgress();
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
