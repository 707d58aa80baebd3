import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/queue';
import {
  eventually,
  startDeployment,
  submitReport,
  SubmittedReport,
  TestDeployment,
  validReportBody,
} from '@app/testing';

jest.setTimeout(240_000);

const DIST = join(__dirname, '..', 'dist');
const WORKER_ENTRY = join(DIST, 'apps', 'worker', 'src', 'main.js');
// Proof that the build includes this lib's processors (a stale dist would not triage).
const TRIAGE_PROCESSOR = join(DIST, 'libs', 'cases', 'src', 'triage', 'report-triage.processor.js');

interface Ring {
  phone: string;
  reports: SubmittedReport[];
}

/** Three spellings of one KZ mobile number. */
function spellings(): string[] {
  const digits = `${randomInt(1_000_000, 9_999_999)}`;
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)];
  return [`8 708 ${a} ${b} ${c}`, `+7 (708) ${a}-${b}-${c}`, `8708${digits}`];
}

describe('cases: compiled worker processes on one queue', () => {
  let d: TestDeployment;
  let db: DataSource;
  const workers = new Set<ChildProcess>();

  /** Starts `node dist/apps/worker/src/main.js` against the deployment; resolves when ready. */
  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [WORKER_ENTRY], {
      env: { PATH: process.env.PATH ?? '', ...d.env, APP_NAME: 'review-worker' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.add(child);
    child.on('exit', () => workers.delete(child));
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker not ready: ${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Worker ready')) {
          clearTimeout(timer);
          resolve(child);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}) before ready: ${output}`));
      });
    });
  }

  function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** `rings` rings of `size` reports; all reports of a ring name one phone, spelled differently. */
  async function submitRings(rings: number, size: number): Promise<Ring[]> {
    const out: Ring[] = Array.from({ length: rings }, () => ({ phone: '', reports: [] }));
    const jobs: (() => Promise<void>)[] = [];
    for (const ring of out) {
      const spelled = spellings();
      ring.phone = spelled[0];
      for (let n = 0; n < size; n++) {
        jobs.push(async () => {
          const body = validReportBody({
            transactions: [],
            suspects: [
              { type: 'phone', value: spelled[n % spelled.length] },
              { type: 'url', value: `https://w-${randomBytes(4).toString('hex')}.example.kz/` },
            ],
          });
          ring.reports.push(await submitReport(d, body));
        });
      }
    }
    for (let i = 0; i < jobs.length; i += 10) {
      await Promise.all(jobs.slice(i, i + 10).map((job) => job()));
    }
    return out;
  }

  const triagedCount = async (ids: string[]): Promise<number> =>
    (
      (await db.query(
        'SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) AND case_id IS NOT NULL',
        [ids],
      )) as { n: number }[]
    )[0].n;

  /** Every report in a case; each ring in exactly one case; no case holding two rings. */
  async function expectOneCasePerRing(rings: Ring[]): Promise<void> {
    const ids = rings.flatMap((r) => r.reports.map((x) => x.id));
    await eventually(async () => (await triagedCount(ids)) === ids.length, 150_000, 250);
    const rows = (await db.query('SELECT id, case_id FROM reports WHERE id = ANY($1::uuid[])', [
      ids,
    ])) as { id: string; case_id: string }[];
    const caseOf = new Map(rows.map((r) => [r.id, r.case_id]));
    const ringCases = rings.map((ring) => new Set(ring.reports.map((r) => caseOf.get(r.id))));
    expect(ringCases.map((s) => s.size)).toEqual(rings.map(() => 1));
    const distinct = new Set(ringCases.map((s) => [...s][0]));
    expect(distinct.size).toBe(rings.length);
    const [counts] = (await db.query(
      `SELECT count(*)::int AS cases,
              (SELECT count(*)::int FROM case_identifiers WHERE type = 'phone'
                 AND case_id = ANY($1::uuid[])) AS phones
         FROM cases WHERE id = ANY($1::uuid[])`,
      [[...distinct]],
    )) as { cases: number; phones: number }[];
    expect(counts).toEqual({ cases: rings.length, phones: rings.length });
    const queue = d.api.get<Queue>(getQueueToken(QueueName.ReportTriage));
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY) || !existsSync(TRIAGE_PROCESSOR)) {
      throw new Error('the compiled worker is missing or stale: run `npm run build` first');
    }
    // The API only: the relay and the processors run in the spawned worker processes.
    d = await startDeployment({
      label: 'cases-workers',
      worker: false,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    db = d.api.get(DataSource);
  });

  afterAll(async () => {
    await Promise.all([...workers].map((w) => stop(w, 'SIGTERM')));
    await d?.close();
  });

  it('two worker processes share the queue without splitting a ring', async () => {
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    const rings = await submitRings(10, 3);
    await expectOneCasePerRing(rings);
    await Promise.all([stop(a, 'SIGTERM'), stop(b, 'SIGTERM')]);
  });

  it('a worker killed with SIGKILL mid-batch loses nothing once another starts', async () => {
    // Reports wait in the outbox until a worker starts, so the first one meets a full batch.
    const rings = await submitRings(20, 4);
    const ids = rings.flatMap((r) => r.reports.map((x) => x.id));
    const victim = await startWorker();
    await eventually(async () => (await triagedCount(ids)) > 0, 60_000, 10);
    await stop(victim, 'SIGKILL');
    const atKill = await triagedCount(ids);
    expect(atKill).toBeLessThan(ids.length);
    await startWorker();
    await expectOneCasePerRing(rings);
  });
});
