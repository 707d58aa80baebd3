import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_REDIS_URL } from './env';

/** `npm start`'s process, compiled: what tools/npm-start.js runs after the build check. */
export const START_ENTRY = join(__dirname, '..', '..', 'dist', 'tools', 'start.js');

export interface SupervisorRun {
  proc: ChildProcess;
  cwd: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** The pids npm start writes to ./.data/start.json (its working directory's). */
export interface StartState {
  supervisor: number;
  api: number | null;
  worker: number | null;
  postgres: number | null;
  postgresPort: number | null;
  port: number | null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/** Starts npm start's supervisor in cwd with a clean environment (its own .data there). */
export function startSupervisor(cwd: string, env: Record<string, string>): SupervisorRun {
  const proc = spawn(process.execPath, [START_ENTRY], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      REDIS_URL: TEST_REDIS_URL,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: SupervisorRun = {
    proc,
    cwd,
    stdout: [],
    stderr: [],
    exited: new Promise((resolve) => proc.once('exit', (code) => resolve(code))),
  };
  const collect = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      into.push(...lines);
    };
  };
  proc.stdout.on('data', collect(run.stdout));
  proc.stderr.on('data', collect(run.stderr));
  return run;
}

export function readState(cwd: string): StartState | null {
  const file = join(cwd, '.data', 'start.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StartState) : null;
}

export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false,
  ms: number,
) {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pids whose process group is pgid (the embedded postmaster leads its own group). */
export function processesInGroup(pgid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The banner's lines (between its rules), once printed. */
export function bannerOf(run: SupervisorRun): string[] | null {
  const start = run.stdout.findIndex((l) => l.startsWith('┌'));
  const end = run.stdout.findIndex((l, i) => i > start && l.startsWith('└'));
  if (start < 0 || end < 0) return null;
  return run.stdout.slice(start + 1, end).map((l) => l.replace(/^│ |\s*│$/g, '').trimEnd());
}
