import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Region } from '@app/common';
import { QueueName, SLA_DUE_JOB } from '@app/queue';
import {
  createStaff,
  eventually,
  newCase,
  startCasesDeployment,
  TestDeployment,
  TestStaff,
} from '@app/testing';

describe('cases: claims, the queue and SLA timers', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let colleague: TestStaff;
  let national: TestStaff;
  let stranger: TestStaff;

  beforeAll(async () => {
    ({ d, db, investigator, colleague, national, stranger } =
      await startCasesDeployment('cases-queue'));
  });
  afterAll(async () => d?.close());

  describe('claims and the queue', () => {
    it('claims an open case into in_review; a second investigator gets 409', async () => {
      const caseId = await newCase(d);
      const claimed = await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
      expect(claimed.body).toMatchObject({
        status: 'in_review',
        assignee: { id: investigator.id },
      });
      expect(claimed.body.firstClaimedAt).not.toBeNull();
      await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
      const conflict = await colleague.api.post(`/cases/${caseId}/claim`).expect(409);
      expect(conflict.body).toMatchObject({
        type: '/problems/case-already-claimed',
        assigneeId: investigator.id,
      });
      await stranger.api.post(`/cases/${caseId}/claim`).expect(403);
      const timeline = await investigator.api.get(`/cases/${caseId}/timeline`).expect(200);
      const types = timeline.body.items.map((e: { type: string }) => e.type);
      expect(types).toEqual(['case.created', 'report.linked', 'case.claimed', 'case.transitioned']);
      const transitioned = timeline.body.items[3];
      expect(transitioned).toMatchObject({
        public: true,
        actor: { kind: 'staff', id: investigator.id },
        data: { from: 'open', to: 'in_review', via: 'claim' },
      });
    });

    it('gives 20 concurrent claim-next callers 20 distinct cases, then 204', async () => {
      const region: Region = 'kostanay';
      const year = new Date().getFullYear();
      for (let n = 0; n < 20; n++) {
        await db.query(
          `INSERT INTO cases (number, region, fraud_type, priority, sla_due_at, created_at)
           VALUES ($1, $2, 'phishing', $3, now() + interval '1 day', now() - make_interval(mins => $4))`,
          [`CY-${year}-9${String(n).padStart(5, '0')}`, region, `P${(n % 4) + 1}`, n],
        );
      }
      const staff = await Promise.all(
        Array.from({ length: 20 }, () => createStaff(d, { role: 'investigator', region })),
      );
      const results = await Promise.all(staff.map((s) => s.api.post('/cases/next/claim')));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const ids = results.map((r) => r.body.id as string);
      expect(new Set(ids).size).toBe(20);
      const holders = (await db.query(
        'SELECT count(DISTINCT assignee_id)::int AS n FROM cases WHERE region = $1',
        [region],
      )) as { n: number }[];
      expect(holders[0].n).toBe(20);
      await staff[0].api.post('/cases/next/claim').expect(204);
    });

    it('claim-next takes the most urgent, then the oldest case of the caller region', async () => {
      const region: Region = 'pavlodar';
      const year = new Date().getFullYear();
      const rows = [
        ['P3', 60],
        ['P1', 5],
        ['P1', 30],
        ['P2', 90],
      ] as const;
      for (const [n, [priority, minutes]] of rows.entries()) {
        await db.query(
          `INSERT INTO cases (number, region, fraud_type, priority, sla_due_at, created_at)
           VALUES ($1, $2, 'phishing', $3, now() + interval '1 day', now() - make_interval(mins => $4))`,
          [`CY-${year}-8${String(n).padStart(5, '0')}`, region, priority, minutes],
        );
      }
      const taker = await createStaff(d, { role: 'investigator', region });
      const order: string[] = [];
      for (let n = 0; n < 4; n++) {
        const res = await taker.api.post('/cases/next/claim').expect(200);
        order.push(res.body.number);
      }
      expect(order).toEqual([2, 1, 3, 0].map((n) => `CY-${year}-8${String(n).padStart(5, '0')}`));
    });

    it('lists by priority then age with an opaque cursor and filters', async () => {
      const region: Region = 'kostanay';
      const all: { priority: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/cases?region=${region}&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await national.api.get(query).expect(200);
        all.push(...(page.body.items as { priority: string; createdAt: string }[]));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all).toHaveLength(20);
      for (let n = 1; n < all.length; n++) {
        const [a, b] = [all[n - 1], all[n]];
        expect(
          a.priority < b.priority ||
            (a.priority === b.priority && Date.parse(a.createdAt) <= Date.parse(b.createdAt)),
        ).toBe(true);
      }

      const mine = await investigator.api.get('/cases?assignee=me&status=in_review').expect(200);
      expect(
        mine.body.items.every(
          (c: { assignee: { id: string } }) => c.assignee.id === investigator.id,
        ),
      ).toBe(true);
      await investigator.api.get('/cases?region=astana').expect(403);
      await investigator.api.get('/cases?cursor=not-a-cursor').expect(400);
      await investigator.api.get('/cases?limit=201').expect(400);
      await investigator.api.get('/cases?status=lost').expect(400);
      const scoped = await stranger.api.get('/cases').expect(200);
      expect(scoped.body.items.every((c: { region: string }) => c.region === 'astana')).toBe(true);
    });
  });

  describe('SLA', () => {
    it('records a breach when the timer fires on an unclaimed case, once', async () => {
      const caseId = await newCase(d);
      const [row] = (await db.query(
        `UPDATE cases SET sla_due_at = now() - interval '1 minute' WHERE id = $1 RETURNING priority`,
        [caseId],
      )) as [{ priority: string }[], number];
      const queue = d.api.get<Queue>(getQueueToken(QueueName.CaseSla));
      const priority = row[0].priority as 'P4';
      await queue.add(
        'due',
        { caseId },
        { jobId: `${SLA_DUE_JOB.jobId({ caseId, priority })}-test` },
      );
      await queue.add(
        'due',
        { caseId },
        { jobId: `${SLA_DUE_JOB.jobId({ caseId, priority })}-again` },
      );
      const breached = await eventually(async () => {
        const res = await investigator.api.get(`/cases?slaBreached=true&region=almaty_city`);
        return (res.body.items as { id: string }[]).find((c) => c.id === caseId);
      });
      expect(breached).toMatchObject({ slaBreachedAt: expect.any(String) });
      await new Promise((r) => setTimeout(r, 500));
      const [events] = (await db.query(
        `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'sla.breached'`,
        [caseId],
      )) as { n: number }[];
      expect(events.n).toBe(1);
    });

    it('arms a delayed timer per case and priority; a late claim still counts as a breach', async () => {
      const caseId = await newCase(d);
      const queue = d.api.get<Queue>(getQueueToken(QueueName.CaseSla));
      const job = await eventually(() =>
        queue.getJob(SLA_DUE_JOB.jobId({ caseId, priority: 'P4' })),
      );
      expect(await job.getState()).toBe('delayed');
      expect(job.opts.delay).toBeGreaterThan(6 * 86_400_000);

      await db.query(`UPDATE cases SET sla_due_at = now() - interval '1 second' WHERE id = $1`, [
        caseId,
      ]);
      await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
      const [c] = (await db.query(
        'SELECT sla_breached_at, first_claimed_at FROM cases WHERE id = $1',
        [caseId],
      )) as {
        sla_breached_at: Date | null;
        first_claimed_at: Date | null;
      }[];
      expect(c.sla_breached_at).not.toBeNull();
      expect(c.first_claimed_at).not.toBeNull();
    });
  });
});
