import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteQueueKeys } from './support/queue-keys';
import {
  bannerOf,
  freePort,
  isAlive,
  isPortFree,
  processesInGroup,
  readState,
  START_ENTRY,
  startSupervisor,
  StartState,
  SupervisorRun,
  waitFor,
} from './support/supervisor-process';

// Boots real processes from dist/ with an embedded PostgreSQL (initdb included): generous.
const BOOT_MS = 150_000;
jest.setTimeout(BOOT_MS + 60_000);

/** A working directory the `postgres` user can enter (npm start runs PG as it under root). */
function workDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fraud-start-${label}-`));
  chmodSync(dir, 0o755);
  return dir;
}

const queuePrefix = (label: string) => `t-start-${label}-${process.pid}`;

async function boot(label: string) {
  const cwd = workDir(label);
  const port = await freePort();
  const run = startSupervisor(cwd, {
    PORT: String(port),
    QUEUE_PREFIX: queuePrefix(label),
    // The worker's /metrics listener (when it has one) must not collide between the two runs.
    WORKER_METRICS_PORT: String(await freePort()),
  });
  await waitFor(
    'the banner',
    () => bannerOf(run) ?? (run.proc.exitCode !== null && fail(run)),
    BOOT_MS,
  );
  return { run, port, cwd, state: readState(cwd)! };
}

function fail(run: SupervisorRun): never {
  throw new Error(`npm start exited early:\n${run.stderr.join('\n')}\n${run.stdout.join('\n')}`);
}

async function stop(run: SupervisorRun) {
  run.proc.kill('SIGTERM');
  return run.exited;
}

describe('npm start: supervisor', () => {
  const dirs: string[] = [];
  let a: { run: SupervisorRun; port: number; cwd: string; state: StartState };

  beforeAll(async () => {
    expect(existsSync(START_ENTRY)).toBe(true);
    a = await boot('a');
    dirs.push(a.cwd);
  }, BOOT_MS + 30_000);

  afterAll(async () => {
    if (a?.run.proc.exitCode === null) await stop(a.run);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    for (const label of ['a', 'b']) await deleteQueueKeys(queuePrefix(label));
  });

  it('prints the banner last, once both apps are ready, and its admin password signs in', async () => {
    const banner = bannerOf(a.run)!;
    const base = `http://localhost:${a.port}`;
    expect(banner).toEqual(
      expect.arrayContaining([
        `API     ${base}/api/v1`,
        `docs    ${base}/api/docs`,
        `form    ${base}/`,
      ]),
    );
    const admin = banner.find((l) => l.startsWith('admin'))!;
    const [, email, password] = /^admin\s+(\S+)\s+password (\S+)\s+\(shown once/.exec(admin)!;
    // Nothing of the apps' start-up comes after it (their ready signal is what triggers it).
    const after = a.run.stdout.slice(a.run.stdout.findIndex((l) => l.startsWith('└')) + 1);
    expect(after.filter((l) => /RouterExplorer|successfully started|migration/.test(l))).toEqual(
      [],
    );
    const res = await fetch(`http://127.0.0.1:${a.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    expect(a.state).toMatchObject({ supervisor: a.run.proc.pid });
    expect(a.state.api && a.state.worker && a.state.postgres && a.state.postgresPort).toBeTruthy();
  });

  it('restarts a killed worker within 10 s while the API keeps answering', async () => {
    const statuses: number[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const r = await fetch(`http://127.0.0.1:${a.port}/health/live`).catch(() => null);
        statuses.push(r?.status ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const oldWorker = a.state.worker!;
    process.kill(oldWorker, 'SIGKILL');
    const killedAt = Date.now();
    const newWorker = await waitFor(
      'a new worker',
      () => {
        const w = readState(a.cwd)?.worker;
        return w && w !== oldWorker && isAlive(w) ? w : null;
      },
      10_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    polling = false;
    await poll;
    expect(isAlive(oldWorker)).toBe(false);
    expect(isAlive(newWorker)).toBe(true);
    expect(isAlive(a.state.api!)).toBe(true);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(a.run.stdout.join('\n')).toMatch(/worker was killed by SIGKILL .*restarting in 1 s/);
    a.state = readState(a.cwd)!;
  });

  it('a second clone (another data directory) gets its own PostgreSQL port', async () => {
    const b = await boot('b');
    dirs.push(b.cwd);
    try {
      expect(b.state.postgresPort).not.toBe(a.state.postgresPort);
      expect(b.state.postgres).not.toBe(a.state.postgres);
    } finally {
      expect(await stop(b.run)).toBe(0);
    }
  });

  it('SIGTERM stops the apps and PostgreSQL, frees the ports, then exits 0', async () => {
    const { api, worker, postgres, postgresPort } = readState(a.cwd)!;
    expect(await stop(a.run)).toBe(0);
    for (const pid of [api!, worker!, postgres!]) expect(isAlive(pid)).toBe(false);
    expect(processesInGroup(postgres!)).toEqual([]);
    expect(await isPortFree(a.port)).toBe(true);
    expect(await isPortFree(postgresPort!)).toBe(true);
    expect(readState(a.cwd)).toBeNull();
  });
});

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
(asRoot ? describe : describe.skip)(
  'npm start as root from a directory postgres cannot read',
  () => {
    it('says so in one sentence with the fix, and exits non-zero', async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'fraud-start-private-')); // mode 0700, owned by root
      try {
        const run = startSupervisor(cwd, { PORT: String(await freePort()) });
        expect(await run.exited).toBe(1);
        const lines = run.stderr.filter((l) => l.trim() !== '');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/runs as the "postgres" user .* cannot read /);
        expect(lines[0]).toContain(cwd);
        expect(lines[0]).toMatch(/move the project .* non-root user, or set DATABASE_URL/);
        expect(lines[0]).not.toMatch(/EACCES|\n\s+at /);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  },
);
