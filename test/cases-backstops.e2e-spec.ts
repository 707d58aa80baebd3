import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { randomBytes, randomInt } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TriageSweepService } from '@app/cases/worker';
import { QueueName, redisConnectionOptions } from '@app/queue';
import {
  createStaff,
  eventually,
  startDeployment,
  submitReport,
  SubmittedReport,
  TEST_REDIS_URL,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { ReportTriageProcessor } from '../libs/cases/src/triage/report-triage.processor';

/**
 * Backstops behind the normal paths: the triage sweep for reports whose job was lost or failed
 * for good, `null` in optional case fields (a 400, not a CHECK violation), and the append-only
 * triggers on case_events and audit_log.
 */
describe('cases: backstops (triage sweep, null fields, append-only history)', () => {
  let d: TestDeployment;
  let db: DataSource;
  let triageQueue: Queue;
  let investigator: TestStaff;
  let supervisor: TestStaff;
  const logLines: string[] = [];
  /** Started once the first worker's triage processor is closed (see the sweep setup). */
  let secondWorker: INestApplicationContext | undefined;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'cases-backstops',
      worker: true,
      env: { LOG_LEVEL: 'warn', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    db = d.api.get(DataSource);
    triageQueue = d.api.get<Queue>(getQueueToken(QueueName.ReportTriage));
    investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    supervisor = await createStaff(d, { role: 'supervisor', region: 'almaty_city' });
  });
  afterAll(async () => {
    await secondWorker?.close();
    await d?.close();
  });

  const caseIdOf = async (reportId: string): Promise<string | null> => {
    const [row] = (await db.query('SELECT case_id FROM reports WHERE id = $1', [reportId])) as {
      case_id: string | null;
    }[];
    return row?.case_id ?? null;
  };

  /** A report with identifiers no other test uses; no loss (P4). */
  const report = () =>
    submitReport(
      d,
      validReportBody({
        reporter: { phone: `8 701 ${randomInt(1_000_000, 9_999_999)}` },
        transactions: [],
        suspects: [
          { type: 'url', value: `https://sweep-${randomBytes(4).toString('hex')}.example.kz/` },
        ],
      }),
    );

  /** Makes the report look older than TRIAGE_SWEEP_AFTER_MINUTES (default 5). */
  const backdate = (r: SubmittedReport) =>
    db.query(`UPDATE reports SET submitted_at = now() - interval '10 minutes' WHERE id = $1`, [
      r.id,
    ]);

  describe('triage sweep', () => {
    let lost: SubmittedReport;
    let failed: SubmittedReport;

    beforeAll(async () => {
      // The in-process worker stops taking triage jobs (closed: a paused worker may still take
      // the job its blocking fetch was waiting for), so they stay in Redis for the test to lose
      // or fail; its relay still moves the outbox rows. A second worker app triages afterwards.
      await d.worker!.get(ReportTriageProcessor).worker.close();
      lost = await report();
      failed = await report();
      const jobOf = (r: SubmittedReport) =>
        eventually(() => triageQueue.getJob(`report-${r.id}`), 30_000);

      // Lost with Redis after the relay: the outbox row is relayed, the job is gone.
      await (await jobOf(lost)).remove();
      await eventually(async () => {
        const [row] = (await db.query('SELECT relayed_at FROM outbox WHERE aggregate_id = $1', [
          lost.id,
        ])) as { relayed_at: Date | null }[];
        return row?.relayed_at !== null && row !== undefined;
      });

      // Failed for good (a bug, or retries exhausted during an outage): a second worker takes
      // the job and fails it without retries.
      await jobOf(failed);
      const manual = new Worker(QueueName.ReportTriage, null, {
        connection: redisConnectionOptions(TEST_REDIS_URL),
        prefix: d.env.QUEUE_PREFIX,
      });
      try {
        const token = 'review-backstops';
        const job = (await manual.getNextJob(token)) as Job | undefined;
        expect(job?.id).toBe(`report-${failed.id}`);
        await job!.moveToFailed(new UnrecoverableError('simulated outage'), token);
      } finally {
        await manual.close();
      }
      expect(await (await triageQueue.getJob(`report-${failed.id}`))?.getState()).toBe('failed');
      expect(await triageQueue.getJob(`report-${lost.id}`)).toBeUndefined();
      secondWorker = await createWorkerApp(d.config);
    });

    it('leaves young untriaged reports to the queue', async () => {
      const sweep = await d.worker!.get(TriageSweepService).sweep();
      expect(sweep).toMatchObject({ added: 0, retried: 0, errors: 0 });
      expect(await caseIdOf(lost.id)).toBeNull();
      expect(await caseIdOf(failed.id)).toBeNull();
    });

    it('re-enqueues a lost job and retries a failed one; both reports end in a case', async () => {
      await backdate(lost);
      await backdate(failed);
      // The scheduled sweep may run meanwhile: either run re-enqueues, the same job id once.
      const sweep = await d.worker!.get(TriageSweepService).sweep();
      expect(sweep.errors).toBe(0);
      await eventually(async () => (await caseIdOf(lost.id)) !== null, 30_000);
      await eventually(async () => (await caseIdOf(failed.id)) !== null, 30_000);
      expect(await (await triageQueue.getJob(`report-${failed.id}`))?.getState()).toBe('completed');

      const warnings = logLines.filter((l) => l.includes('triage sweep'));
      expect(warnings.some((l) => l.includes(lost.id) && l.includes('"missing"'))).toBe(true);
      expect(warnings.some((l) => l.includes(failed.id) && l.includes('"failed"'))).toBe(true);
      // The report id only: no reporter data in the warnings.
      expect(warnings.join('\n')).not.toMatch(/\+7701|Aigerim|aigerim@|reference/);

      // Triaged now: the next sweep has nothing to do.
      expect(await d.worker!.get(TriageSweepService).sweep()).toMatchObject({ untriaged: 0 });
    });
  });

  describe('null in optional case fields is a 400 naming the field', () => {
    let caseId: string;

    beforeAll(async () => {
      const r = await report();
      caseId = await eventually(() => caseIdOf(r.id), 30_000);
      await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
    });

    /** The distinct fields a 400 names. */
    const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => [
      ...new Set((res.body.errors ?? []).map((e) => e.field)),
    ];

    it.each([
      ['reason', { to: 'closed', reason: null }],
      ['agency', { to: 'referred', agency: null }],
      ['reason', { to: 'investigating', reason: null }],
      ['agency', { to: 'investigating', agency: null }],
    ])('transition with %s: null', async (field, body) => {
      const res = await investigator.api.post(`/cases/${caseId}/transition`, body).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('offenders with note: null, assign and merge with null ids', async () => {
      const offenders = await investigator.api
        .post(`/cases/${caseId}/offenders`, {
          count: 1,
          detainedAt: new Date().toISOString(),
          note: null,
        })
        .expect(400);
      expect(fieldsOf(offenders)).toEqual(['note']);
      const assign = await supervisor.api
        .post(`/cases/${caseId}/assign`, { assigneeId: null })
        .expect(400);
      expect(fieldsOf(assign)).toEqual(['assigneeId']);
      const merge = await supervisor.api
        .post(`/cases/${caseId}/merge`, { sourceCaseId: null })
        .expect(400);
      expect(fieldsOf(merge)).toEqual(['sourceCaseId']);
      const note = await investigator.api
        .post(`/cases/${caseId}/notes`, { text: null })
        .expect(400);
      expect(fieldsOf(note)).toEqual(['text']);
    });

    it('still closes with a reason and leaves the case unchanged by the rejected calls', async () => {
      await investigator.api
        .post(`/cases/${caseId}/transition`, { to: 'closed', reason: 'unfounded' })
        .expect(200);
      const [row] = (await db.query('SELECT status, close_reason FROM cases WHERE id = $1', [
        caseId,
      ])) as { status: string; close_reason: string }[];
      expect(row).toEqual({ status: 'closed', close_reason: 'unfounded' });
    });
  });

  describe('append-only history', () => {
    it('refuses to change or delete case events, except moving them to another case', async () => {
      const [event] = (await db.query('SELECT id, case_id FROM case_events LIMIT 1')) as {
        id: string;
        case_id: string;
      }[];
      await expect(
        db.query(`UPDATE case_events SET data = '{}' WHERE id = $1`, [event.id]),
      ).rejects.toThrow(/case_events is append-only: only case_id may change/);
      await expect(db.query('DELETE FROM case_events WHERE id = $1', [event.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query('TRUNCATE case_events CASCADE')).rejects.toThrow(/append-only/);
      // What a merge does: the same case id here, so nothing else is disturbed.
      await db.query('UPDATE case_events SET case_id = $2 WHERE id = $1', [
        event.id,
        event.case_id,
      ]);
    });

    it('refuses to change or delete audit log entries', async () => {
      const r = await report();
      await investigator.api.get(`/reports/${r.reference}`).expect(200);
      const [entry] = (await db.query(
        `SELECT id FROM audit_log WHERE action = 'report.viewed' AND target_id = $1`,
        [r.id],
      )) as { id: string }[];
      expect(entry).toBeDefined();
      await expect(db.query('DELETE FROM audit_log WHERE id = $1', [entry.id])).rejects.toThrow(
        /audit_log is append-only: rows cannot be deleted/,
      );
      await expect(
        db.query(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [entry.id]),
      ).rejects.toThrow(/audit_log is append-only: rows cannot be changed/);
    });
  });
});
