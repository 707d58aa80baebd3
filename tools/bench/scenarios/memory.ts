/**
 * Memory: resident set of the API and the worker at the start and while 100,000 reports are
 * filed (full scale; BENCH_MEMORY_REPORTS to change, quick: 2,000), sampled every 2 s. The
 * raw baseline's RSS after the same number of reports is measured beside it.
 */
import { getHeapStatistics } from 'node:v8';
import type { HarnessEnv } from '../harness/bench-env';
import {
  atMost,
  describeTarget,
  growthMb,
  meets,
  processMemory,
  type ProcessMemory,
  round,
  thirds,
} from '../harness/figures';
import { runLoad } from '../harness/load';
import { reportJson } from '../harness/report-body';
import type {
  BenchEnv,
  BenchFigure,
  BenchProcess,
  Scenario,
  ScenarioResult,
} from '../harness/scenario';
import { sleep } from '../harness/services';
import { APP_HEAP_LIMIT_MB } from '../../supervisor/heap-limit';
import { INTAKE_PATH } from './intake';

const RSS_TARGET = atMost(200);
/** "Flat": the last third's median within this of the first third's (MB). */
const FLAT_TOLERANCE_MB = 20;
const mb = (bytes: number) => round(bytes / 2 ** 20, 0);

export function memoryReports(env: NodeJS.ProcessEnv, scale: 'quick' | 'full'): number {
  const set = Number(env.BENCH_MEMORY_REPORTS);
  if (Number.isInteger(set) && set > 0) return set;
  return scale === 'quick' ? 2_000 : 100_000;
}

interface Sample {
  reports: number;
  mb: number[];
  /** The API's own account of its memory (MB), where the process watched first has /metrics. */
  heap?: ProcessMemory;
}

/** The V8 heap and external memory of the app at `url`, in MB; undefined when unreadable. */
async function heapOf(url: string): Promise<ProcessMemory | undefined> {
  const res = await fetch(`${url}/metrics`).catch(() => undefined);
  if (!res?.ok) return undefined;
  const bytes = processMemory(await res.text());
  return {
    heapUsed: mb(bytes.heapUsed),
    heapTotal: mb(bytes.heapTotal),
    external: mb(bytes.external),
  };
}

const CHECKPOINT = 10_000;

/** "first → last" (MB): the medians of the first and last third of a heap figure's samples. */
function heapThirds(samples: readonly Sample[]) {
  const heaps = samples.flatMap((s) => (s.heap === undefined ? [] : [s.heap]));
  return (pick: (h: ProcessMemory) => number) => {
    const { first, last } = thirds(heaps.map(pick));
    return `${first} → ${last}`;
  };
}

/** RSS (MB) of process `index` at the first sample on or after every 10,000 reports. */
export function checkpoints(samples: readonly Sample[], index: number): string {
  const marks: number[] = [];
  const last = samples[samples.length - 1]?.reports ?? 0;
  for (let at = CHECKPOINT; at <= last; at += CHECKPOINT) {
    const sample = samples.find((s) => s.reports >= at);
    if (sample) marks.push(sample.mb[index]);
  }
  return marks.length > 0 ? marks.join(' → ') : '(fewer than 10,000 reports)';
}

async function fileReports(
  env: BenchEnv,
  url: string,
  amount: number,
  label: string,
  watch: BenchProcess[],
  /** Whether `url` is the API's, with /metrics to read the heap from (the raw server has none). */
  readHeap = false,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  let done = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({
        reports: done,
        mb: await Promise.all(watch.map(async (p) => mb(await p.rssBytes()))),
        heap: readHeap ? await heapOf(url) : undefined,
      });
      await sleep(2000);
    }
  })();
  try {
    const figures = await runLoad({
      url,
      path: INTAKE_PATH,
      connections: 32,
      amount,
      body: () => reportJson(),
      onResponse: () => (done += 1),
      onTick: (n) => env.progress(label, n, amount),
    });
    if (figures.failed > 0)
      env.log(`  ${label}: ${figures.failed} failed ${JSON.stringify(figures.statusCounts)}`);
  } finally {
    sampling = false;
    await sampler;
  }
  samples.push({
    reports: done,
    mb: await Promise.all(watch.map(async (p) => mb(await p.rssBytes()))),
    heap: readHeap ? await heapOf(url) : undefined,
  });
  return samples;
}

export const memory: Scenario = {
  name: 'memory',
  title: 'Memory: RSS of the API and the worker over 100,000 reports',
  async run(benchEnv: BenchEnv): Promise<ScenarioResult> {
    const env = benchEnv as HarnessEnv;
    const reports = memoryReports(process.env, env.scale);
    const api = await env.startApi();
    const worker = await env.startWorker();
    await sleep(2000);
    const apiStart = mb(await api.rssBytes());
    const workerStart = mb(await worker.rssBytes());
    const samples = await fileReports(
      env,
      api.url,
      reports,
      'reports to the API',
      [api, worker],
      true,
    );
    const apiSeries = samples.map((s) => s.mb[0]);
    const workerSeries = samples.map((s) => s.mb[1]);
    const apiEnd = apiSeries[apiSeries.length - 1];
    const workerEnd = workerSeries[workerSeries.length - 1];
    const apiPeak = Math.max(...apiSeries);
    const growth = round(growthMb(apiSeries), 0);
    const split = heapThirds(samples);
    await worker.stop();
    await api.stop();
    const raw = await env.startBaseline('raw-intake');
    const rawStart = mb(await raw.rssBytes());
    const rawReports = Math.min(reports, 5_000);
    const rawSamples = await fileReports(env, raw.url, rawReports, 'reports to the raw baseline', [
      raw,
    ]);
    const rawEnd = rawSamples[rawSamples.length - 1].mb[0];
    await raw.stop();
    // Before and after in one run: the same API with the heap limit it had before
    // tools/supervisor/heap-limit.ts, Node's own (the bench process's V8 limit).
    const nodeDefaultMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    const before = await env.startApi({ nodeArgs: [`--max-old-space-size=${nodeDefaultMb}`] });
    const beforeReports = Math.min(reports, 6_000);
    const beforeSamples = await fileReports(
      env,
      before.url,
      beforeReports,
      "reports to the API with Node's default heap limit",
      [before],
      true,
    );
    await before.stop();
    const beforeSeries = beforeSamples.map((s) => s.mb[0]);
    const beforeSplit = heapThirds(beforeSamples);
    const beforeLabel = `before (Node's default heap limit, ${nodeDefaultMb.toLocaleString('en')} MB)`;
    const figures: BenchFigure[] = [
      { label: 'reports filed', value: reports },
      { label: 'API RSS at the start', value: apiStart, unit: 'MB' },
      {
        label: `API RSS after ${reports.toLocaleString('en')} reports`,
        value: apiEnd,
        unit: 'MB',
        target: describeTarget(RSS_TARGET, 'MB'),
        met: meets(apiEnd, RSS_TARGET),
      },
      { label: 'API RSS peak', value: apiPeak, unit: 'MB' },
      { label: 'API RSS every 10,000 reports', value: checkpoints(samples, 0), unit: 'MB' },
      { label: 'worker RSS every 10,000 reports', value: checkpoints(samples, 1), unit: 'MB' },
      {
        label: 'API V8 heap used, first third → last third (medians)',
        value: split((h) => h.heapUsed),
        unit: 'MB',
      },
      {
        label: 'API V8 heap reserved, first third → last third (medians)',
        value: split((h) => h.heapTotal),
        unit: 'MB',
      },
      {
        label: 'API external (Buffers, native), first third → last third (medians)',
        value: split((h) => h.external),
        unit: 'MB',
      },
      {
        label: 'API RSS growth, last third vs first third of the run',
        value: growth,
        unit: 'MB',
        target: `flat (≤ ${FLAT_TOLERANCE_MB} MB)`,
        met: growth <= FLAT_TOLERANCE_MB,
      },
      {
        label: 'worker RSS at the start / at the end',
        value: `${workerStart} / ${workerEnd}`,
        unit: 'MB',
      },
      {
        label: `raw baseline RSS at the start / after ${rawReports.toLocaleString('en')} reports`,
        value: `${rawStart} / ${rawEnd}`,
        unit: 'MB',
      },
      {
        label: `${beforeLabel}: API RSS after ${beforeReports.toLocaleString('en')} reports`,
        value: beforeSeries[beforeSeries.length - 1],
        unit: 'MB',
      },
      {
        label: `${beforeLabel}: API RSS growth, last third vs first third`,
        value: round(growthMb(beforeSeries), 0),
        unit: 'MB',
      },
      {
        label: `${beforeLabel}: API V8 heap used, first third → last third`,
        value: beforeSplit((h) => h.heapUsed),
        unit: 'MB',
      },
      {
        label: `${beforeLabel}: API V8 heap reserved, first third → last third`,
        value: beforeSplit((h) => h.heapTotal),
        unit: 'MB',
      },
    ];
    return {
      name: 'memory',
      title: this.title,
      command: 'npm run bench -- --only=memory',
      figures,
      notes: [
        `Method: the API and one worker started, RSS (\`VmRSS\`) read 2 s after both were ready ` +
          `("start"), then ${reports.toLocaleString('en')} fresh reports at 32 connections as ` +
          'fast as the API takes them, RSS sampled every 2 s; "flat" compares the median of the ' +
          "last third of the samples with the first third. With each sample the API's own " +
          '`/metrics` (prom-client defaults: `nodejs_heap_size_used_bytes`, ' +
          '`nodejs_heap_size_total_bytes`, `nodejs_external_memory_bytes`) says how much of the ' +
          'RSS is the V8 heap in use, the heap V8 has reserved, and memory outside it; what is ' +
          "left of the RSS is code, stacks and the allocator's own. The API and the worker run " +
          `with --max-old-space-size=${APP_HEAP_LIMIT_MB} (tools/supervisor/heap-limit.ts, as ` +
          '`npm start` and the image run them). "Before": after the raw baseline, the same API ' +
          "alone with Node's own limit (the bench process's), for " +
          `${beforeReports.toLocaleString('en')} reports: the heap in use climbs though a ` +
          'collection would take it back (a lazy collector with room to spare, not a leak).',
      ],
      raw: { samples, rawSamples, beforeSamples },
    };
  },
};
