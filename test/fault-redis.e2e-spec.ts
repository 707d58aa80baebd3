/**
 * Fault suite, Redis: the API and the worker run as their own processes against a Redis of
 * the test's own, which the test kills. PostgreSQL is the source of truth, so nothing that was
 * acknowledged may be lost with Redis (docs/RELIABILITY.md).
 */
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { uniqueIban, uniqueSuspectPhone } from './support/cases';
import {
  brokenPromises,
  fileReport,
  inParallel,
  query,
  supervisorToken,
  waitUntilTriaged,
} from './support/fault-checks';
import { FaultRig } from './support/fault-rig';
import { validReportBody } from './support/reports';
import { eventually } from './support/test-app';
import { createTestDatabase } from './support/test-database';

/** A report naming the ring's phone, with a loss of 1,000.50 paid five days ago (P3). */
export function ringBody(ringPhone: string) {
  return validReportBody({
    transactions: [
      {
        paidAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        amount: '1000.50',
        method: 'bank_transfer',
        toAccount: uniqueIban(),
      },
    ],
    suspects: [{ type: 'phone', value: ringPhone }],
  });
}

/** Files `count` reports over `rings` rings; the references the API acknowledged with 202. */
async function fileRings(baseUrl: string, rings: string[], count: number): Promise<string[]> {
  const answers = await inParallel(
    Array.from({ length: count }, (_, i) => rings[i % rings.length]),
    8,
    (ring) => fileReport(baseUrl, ringBody(ring)),
  );
  for (const a of answers) expect(a.status).toBe(202);
  return answers.map((a) => a.body.reference as string);
}

/** Cases per ring phone: one each, or a report sits in a second case. */
async function casesPerRing(dbUrl: string, rings: string[]): Promise<number[]> {
  const rows = await query<{ n: number }>(
    dbUrl,
    `SELECT count(DISTINCT p.case_id)::int AS n
       FROM unnest($1::text[]) WITH ORDINALITY AS r(phone, i)
       JOIN report_identifiers ri ON ri.type = 'phone' AND ri.value = r.phone
       JOIN reports p ON p.id = ri.report_id
      GROUP BY r.i ORDER BY r.i`,
    [rings.map((r) => `+7${r.replace(/\D/g, '').slice(-10)}`)],
  );
  return rows.map((r) => r.n);
}

describe('fault: Redis', () => {
  let rig: FaultRig | undefined;
  afterEach(async () => {
    await rig?.cleanup();
    rig = undefined;
  });

  // KNOWN FAILURE (docs/RELIABILITY.md, "Open findings"): after the restart the worker's
  // report-triage-sweep BullMQ worker logs "Missing key for job repeat:sweep:… moveToDelayed"
  // and runs no sweep again, although its scheduler is back; the reports whose jobs were lost
  // stay untriaged until the worker restarts. `it.failing` keeps the finding visible: it
  // turns red the day the bug is fixed, and then becomes a plain `it`.
  it.failing(
    'restarted empty with triage jobs queued: every report gets one case and overdue cases their breach, without a worker restart',
    async () => {
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
    },
  );

  it('down while filing: POST /reports keeps answering 202 from the outbox, and every report is triaged once Redis is back', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultredisdown'));
    const { db } = rig;
    const api = await rig.api();
    await rig.worker();
    const rings = Array.from({ length: 5 }, () => uniqueSuspectPhone());
    const before = await fileRings(api.baseUrl, rings, 5);

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
