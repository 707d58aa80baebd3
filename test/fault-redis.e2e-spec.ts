/**
 * Fault suite, Redis: the API and the worker run as their own processes against a Redis of
 * the test's own, which the test kills. PostgreSQL is the source of truth, so nothing that was
 * acknowledged may be lost with Redis (docs/RELIABILITY.md).
 */
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { uniqueSuspectPhone } from './support/cases';
import {
  brokenPromises,
  casesPerRing,
  fileRings,
  query,
  supervisorToken,
  waitUntilTriaged,
} from './support/fault-checks';
import { FaultRig } from './support/fault-rig';
import { eventually } from './support/test-app';
import { createTestDatabase } from './support/test-database';

describe('fault: Redis', () => {
  let rig: FaultRig | undefined;
  afterEach(async () => {
    await rig?.cleanup();
    rig = undefined;
  });

  it('restarted empty with triage jobs queued: every report gets one case and overdue cases their breach, without a worker restart', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultredisempty'), {
      TRIAGE_SWEEP_AFTER_MINUTES: '0.05',
      SWEEP_EVERY_MS: '1000',
      SCHEDULE_REFRESH_MS: '2000',
    });
    const { db, env } = rig;
    const api = await rig.api();
    const worker = await rig.worker();
    const workerPid = worker.pid;

    // Cases that exist before the outage; their SLA timers are delayed jobs in Redis.
    const early = await fileRings(api.baseUrl, [uniqueSuspectPhone(), uniqueSuspectPhone()], 6);
    await waitUntilTriaged(db.url, early, 30_000, () => rig!.logs());
    const earlyCases = (
      await query<{ id: string }>(db.url, 'SELECT DISTINCT case_id AS id FROM reports')
    ).map((r) => r.id);
    expect(earlyCases).toHaveLength(2);

    // Triage paused: the next reports' jobs are relayed and wait in Redis.
    const connection = { host: '127.0.0.1', port: rig.redis.port };
    const triage = new Queue(QueueName.ReportTriage, { connection, prefix: env.QUEUE_PREFIX });
    await triage.pause();
    const rings = Array.from({ length: 10 }, () => uniqueSuspectPhone());
    const late = await fileRings(api.baseUrl, rings, 40);
    await eventually(async () => {
      const [row] = await query<{ n: number }>(
        db.url,
        'SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL',
      );
      return row.n === 0;
    }, 30_000);
    expect(await triage.getWaitingCount()).toBeGreaterThanOrEqual(late.length);
    await triage.close();

    await rig.restartRedisEmpty();
    // The deadlines pass while Redis is gone: only the SLA sweep can still see them.
    await query(
      db.url,
      `UPDATE cases SET sla_due_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`,
      [earlyCases],
    );

    await eventually(async () => {
      const rows = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM cases c
          WHERE c.id = ANY($1::uuid[]) AND c.sla_breached_at IS NOT NULL
            AND EXISTS (SELECT 1 FROM case_events e
                         WHERE e.case_id = c.id AND e.type = 'sla.breached')`,
        [earlyCases],
      );
      return rows[0].n === earlyCases.length;
    }, 30_000);
    await waitUntilTriaged(db.url, [...early, ...late], 45_000, () => rig!.logs());

    expect(worker.running).toBe(true);
    expect(worker.pid).toBe(workerPid);
    expect(await casesPerRing(db.url, rings)).toEqual(rings.map(() => 1));
    const token = await supervisorToken(api.baseUrl, env);
    expect(await brokenPromises(db.url, api.baseUrl, token, [...early, ...late])).toEqual([]);
  });

  it('down while filing: POST /reports keeps answering 202 from the outbox, and every report is triaged once Redis is back', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultredisdown'));
    const { db } = rig;
    const api = await rig.api();
    await rig.worker();
    const rings = Array.from({ length: 5 }, () => uniqueSuspectPhone());
    const before = await fileRings(api.baseUrl, rings, 5);
    // Triaged before the outage: a job relayed but not yet taken would die with this Redis
    // (it keeps nothing on disk) and wait for the triage sweep (5 minutes), not the relay.
    await waitUntilTriaged(db.url, before, 30_000, () => rig!.logs());

    await rig.redis.kill('SIGKILL');
    const started = Date.now();
    const during = await fileRings(api.baseUrl, rings, 30);
    // Answered from PostgreSQL alone: no request waited for Redis.
    expect(Date.now() - started).toBeLessThan(20_000);
    const [waiting] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM outbox o JOIN reports p ON p.id::text = o.aggregate_id
        WHERE o.relayed_at IS NULL AND p.reference = ANY($1::text[])`,
      [during],
    );
    expect(waiting.n).toBe(during.length);

    await rig.redis.up();
    await waitUntilTriaged(db.url, [...before, ...during], 60_000, () => rig!.logs());
    expect(await casesPerRing(db.url, rings)).toEqual(rings.map(() => 1));
    const token = await supervisorToken(api.baseUrl, rig.env);
    expect(await brokenPromises(db.url, api.baseUrl, token, [...before, ...during])).toEqual([]);
  });
});
