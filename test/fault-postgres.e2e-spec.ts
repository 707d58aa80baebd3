/**
 * Fault suite, PostgreSQL: a dedicated embedded PostgreSQL (not the shared one) is stopped
 * and started again under load, with the API, the worker and a Redis as processes. Meanwhile
 * the API answers 503 with Retry-After; afterwards both recover without a restart and no
 * write is half done (docs/RELIABILITY.md).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { runMigrations } from '@app/database';
import { uniqueIban, uniqueSuspectPhone } from './support/cases';
import {
  brokenPromises,
  call,
  fileReport,
  query,
  ringBody,
  staffToken,
  supervisorToken,
  waitUntilTriaged,
} from './support/fault-checks';
import { EmbeddedPostgresServer, FaultRig, freePort, sleep } from './support/fault-rig';
import { eventually } from './support/test-app';
import type { TestDatabase } from './support/test-database';

/** A started PostgreSQL of this test's own with a migrated database `fraud`. */
async function embeddedDatabase(pg: EmbeddedPostgresServer): Promise<TestDatabase> {
  await pg.up();
  const admin = new Client({ connectionString: pg.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE fraud');
  await admin.end();
  await runMigrations(pg.url('fraud'));
  return {
    url: pg.url('fraud'),
    name: 'fraud',
    // The whole server is the test's: stopping it and removing its data drops the database.
    drop: async () => {
      await pg.kill('SIGTERM', 30_000);
      rmSync(pg.dir, { recursive: true, force: true });
    },
  };
}

interface Outcome {
  status: number | 'network';
  retryAfter?: string | null;
  reference?: string;
  /** The problem type of anything but a 202 or a 503, for the failure message. */
  type?: unknown;
}

describe('fault: PostgreSQL', () => {
  let rig: FaultRig | undefined;
  let pg: EmbeddedPostgresServer | undefined;
  afterEach(async () => {
    await rig?.cleanup();
    await pg?.kill('SIGTERM', 30_000);
    if (pg) rmSync(pg.dir, { recursive: true, force: true });
    rig = undefined;
    pg = undefined;
  });

  it('stopped and restarted under load: 503 with Retry-After meanwhile, then API and worker recover without a restart; no partial rows', async () => {
    // Under /tmp itself: the postgres user it runs as (not root) must reach the directory.
    pg = new EmbeddedPostgresServer(
      await freePort(),
      `/tmp/rel-faults-pg-${randomBytes(4).toString('hex')}`,
    );
    const db = await embeddedDatabase(pg);
    rig = await FaultRig.start(db);
    const server = pg;
    const api = await rig.api();
    const worker = await rig.worker();
    const pids = [api.pid, worker.pid];
    const token = await supervisorToken(api.baseUrl, rig.env);
    const rings = Array.from({ length: 8 }, () => uniqueSuspectPhone());
    // A case with a report (loss 1,000.50) that an investigator records money on throughout.
    const investigator = await staffToken(api.baseUrl, rig.env, 'investigator', 'almaty_city');
    const seed = await fileReport(api.baseUrl, ringBody(rings[0]));
    await waitUntilTriaged(db.url, [seed.body.reference as string], 30_000, () => rig!.logs());
    const [{ id: reportId, case_id: caseId }] = await query<{ id: string; case_id: string }>(
      db.url,
      'SELECT id, case_id FROM reports WHERE reference = $1',
      [seed.body.reference],
    );

    const outcomes: Outcome[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    const during: Outcome[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop && i < 2000; i++) {
        const when = phase;
        let outcome: Outcome;
        try {
          const a = await fileReport(api.baseUrl, ringBody(rings[(n + i) % rings.length]));
          outcome = {
            status: a.status,
            retryAfter: a.headers.get('retry-after'),
            reference: a.status === 202 ? (a.body.reference as string) : undefined,
            type: a.status === 202 || a.status === 503 ? undefined : a.body.type,
          };
        } catch {
          outcome = { status: 'network' };
        }
        outcomes.push(outcome);
        if (when === 'down' && phase === 'down') during.push(outcome);
        await sleep(20);
      }
    };
    /** Freezes and reimbursements; more reimbursements than the loss allows (then 409). */
    const money: Array<number | 'network'> = [];
    const moneyClient = async () => {
      const auth = { authorization: `Bearer ${investigator}` };
      for (let i = 0; !stop && i < 2000; i++) {
        const [path, body] =
          i % 2 === 0
            ? [
                'freezes',
                {
                  bank: 'Halyk Bank',
                  account: uniqueIban(),
                  amount: '10.00',
                  frozenAt: new Date().toISOString(),
                  stage: i % 4 === 0 ? 'withdrawal_abroad' : 'domestic',
                  reportId,
                },
              ]
            : [
                'reimbursements',
                {
                  reportId,
                  amount: '300.00',
                  source: 'bank_compensation',
                  paidAt: new Date().toISOString(),
                },
              ];
        try {
          const a = await call(api.baseUrl, 'POST', `/cases/${caseId}/${path}`, {
            body,
            headers: auth,
          });
          money.push(a.status);
        } catch {
          money.push('network');
        }
        await sleep(30);
      }
    };
    const load = Promise.all([...[0, 1, 2, 3].map(client), moneyClient()]);

    await sleep(1500);
    phase = 'down';
    await server.down();
    await sleep(4000);
    await server.up();
    phase = 'after';
    // Recovered without a restart: a new report is acknowledged again.
    await eventually(
      async () => {
        const a = await fileReport(api.baseUrl, ringBody(rings[0]));
        if (a.status !== 202) return false;
        outcomes.push({ status: 202, reference: a.body.reference as string });
        return true;
      },
      30_000,
      250,
    );
    await sleep(1500);
    stop = true;
    await load;

    const refs = [
      seed.body.reference as string,
      ...outcomes.filter((o) => o.reference).map((o) => o.reference as string),
    ];
    // Money was written before and after the outage, and refused (409) once past the loss.
    expect(money.filter((s) => s === 201).length).toBeGreaterThan(4);
    expect(money).toContain(409);
    expect(refs.length).toBeGreaterThan(10);

    await waitUntilTriaged(db.url, refs, 90_000, () => rig!.logs());
    expect([api.pid, worker.pid]).toEqual(pids);
    expect(api.running && worker.running).toBe(true);
    expect((await call(`http://127.0.0.1:${api.port}`, 'GET', '/health/ready')).status).toBe(200);
    expect(await brokenPromises(db.url, api.baseUrl, token, refs)).toEqual([]);

    // Last, so that a failure here does not hide the recovery checks above.
    // Only acknowledgements and "try again later": never a 500, never a dropped connection.
    const other = [
      ...outcomes.filter((o) => o.status !== 202 && o.status !== 503),
      ...money.filter((s) => s !== 201 && s !== 409 && s !== 503).map((status) => ({ status })),
    ];
    // With the API's error lines (TEST_LOG_LEVEL=error), which name the cause of a 500.
    const errorLines = api
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":50'));
    expect({ other, errorLines: other.length ? errorLines : [] }).toEqual({
      other: [],
      errorLines: [],
    });
    expect(during.length).toBeGreaterThan(0);
    for (const o of during) {
      expect(o.status).toBe(503);
      expect(o.retryAfter).toMatch(/^\d+$/);
    }
  });
});
