/**
 * Where two servers spend their time per report, package by package, from two CPU profiles
 * (`--cpu-prof`) of the intake scenario: the API and the bare-NestJS floor, say.
 *
 *   BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-api" \
 *   BENCH_BASELINE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-floor" \
 *     npm run bench -- --only=intake --out=/tmp/intake
 *   node dist/tools/bench/profile-diff.js /tmp/prof-api/CPU…cpuprofile:29217 \
 *     /tmp/prof-floor/CPU…cpuprofile:44833
 *
 * The number after each path is how many reports that server filed while profiled (the
 * scenario's JSON has the `ok` of every round; add the 300 of the warm-up). Each sample goes
 * to the nearest package on its stack (`node_modules/<package>` or `app:<lib folder>`), so a
 * native frame such as a hash counts for the code that called it. Idle samples are left out;
 * the garbage collector and socket writes (`writev` and friends: wall time in the kernel,
 * mostly waiting for a CPU while PostgreSQL runs, not CPU of their own) get rows of their own.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of V8's `.cpuprofile` JSON this reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);
const SOCKET_WRITES = new Set(['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String']);
export const GC_ROW = '(garbage collector)';
export const SOCKET_ROW = '(socket writes)';
export const NODE_ROW = '(node internals)';

/** The package a script belongs to, or null for Node's own and native code. */
export function packageOf(url: string): string | null {
  if (!url) return null;
  // The innermost node_modules: a package's own dependency counts as that dependency.
  const modules = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (modules.length > 0) return modules[modules.length - 1][1];
  const built = /\/dist\/((?:apps|libs|tools)\/[^/]+\/src\/[^/]+)/.exec(url);
  if (built) return `app:${built[1].replace(/\.js$/, '')}`;
  return null;
}

/** Sampled time per package, µs, and the total of every non-idle sample. */
export function timeByPackage(profile: CpuProfile): { rows: Map<string, number>; busy: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const rows = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfTime) {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (IDLE.has(leaf)) continue;
    busy += micros;
    let row: string | null = null;
    if (leaf === '(garbage collector)') row = GC_ROW;
    else if (SOCKET_WRITES.has(leaf)) row = SOCKET_ROW;
    for (let at: number | undefined = id; row === null && at !== undefined; at = parent.get(at)) {
      row = packageOf(byId.get(at)!.callFrame.url);
    }
    row ??= NODE_ROW;
    rows.set(row, (rows.get(row) ?? 0) + micros);
  }
  return { rows, busy };
}

export interface DiffRow {
  row: string;
  /** µs per report on each side. */
  a: number;
  b: number;
}

/** Rows of both profiles per report, the largest difference (a − b) first. */
export function diffPerReport(
  a: { profile: CpuProfile; reports: number },
  b: { profile: CpuProfile; reports: number },
): { rows: DiffRow[]; busyA: number; busyB: number } {
  const ta = timeByPackage(a.profile);
  const tb = timeByPackage(b.profile);
  const names = new Set([...ta.rows.keys(), ...tb.rows.keys()]);
  const rows = [...names].map((row) => ({
    row,
    a: (ta.rows.get(row) ?? 0) / a.reports,
    b: (tb.rows.get(row) ?? 0) / b.reports,
  }));
  rows.sort((x, y) => y.a - y.b - (x.a - x.b));
  return { rows, busyA: ta.busy / a.reports, busyB: tb.busy / b.reports };
}

function side(argument: string | undefined): { profile: CpuProfile; reports: number } {
  const match = /^(.+):(\d+)$/.exec(argument ?? '');
  if (!match) {
    throw new Error('usage: profile-diff <a.cpuprofile>:<reports> <b.cpuprofile>:<reports>');
  }
  const profile = JSON.parse(readFileSync(match[1], 'utf8')) as CpuProfile;
  return { profile, reports: Number(match[2]) };
}

function main(): void {
  const [a, b] = [side(process.argv[2]), side(process.argv[3])];
  const { rows, busyA, busyB } = diffPerReport(a, b);
  const us = (n: number) => n.toFixed(1);
  const lines = [
    '| package | A µs/report | B µs/report | A − B |',
    '| ------- | ---------: | ---------: | ----: |',
    `| all samples but idle | ${us(busyA)} | ${us(busyB)} | ${us(busyA - busyB)} |`,
    ...rows
      .filter((r) => Math.abs(r.a - r.b) >= 0.5 || r.a >= 5)
      .map((r) => `| ${r.row} | ${us(r.a)} | ${us(r.b)} | ${us(r.a - r.b)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
