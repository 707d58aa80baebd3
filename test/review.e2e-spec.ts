import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CASE_STATUSES, ibanMod97, isValidIban } from '@app/common';
import type { CaseStatus, Region } from '@app/common';
import {
  allowedTargets,
  CASE_TRANSITIONS,
  findTransition,
  slaJobId,
  TriageService,
} from '@app/cases';
import { QueueName } from '@app/queue';
import {
  createStaff,
  eventually,
  startDeployment,
  submitReport,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

const API = '/api/v1';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const uniquePhone = () => `+7 705 ${randomInt(1_000_000, 9_999_999)}`;
const uniqueUrl = () => `https://ring-${randomBytes(4).toString('hex')}.example.kz/`;
/** A valid KZ IBAN no other test uses. */
const uniqueIban = () => {
  const bban = `125KZT${randomInt(1e9, 1e10 - 1)}`;
  const check = String(98 - ibanMod97(`KZ00${bban}`)).padStart(2, '0');
  const iban = `KZ${check}${bban}`;
  if (!isValidIban(iban)) throw new Error(`bad test IBAN ${iban}`);
  return iban;
};

describe('review: triage, queue and case workflow (real API, worker and BullMQ)', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let colleague: TestStaff;
  let supervisor: TestStaff;
  let national: TestStaff;
  let stranger: TestStaff;

  const caseOf = (reportId: string): Promise<string> =>
    eventually(async () => {
      const [row] = (await db.query('SELECT case_id FROM reports WHERE id = $1', [reportId])) as {
        case_id: string | null;
      }[];
      return row?.case_id ?? null;
    }, 30_000);

  /** A report with unique identifiers unless overridden; no loss by default (P4). */
  const report = (overrides: Record<string, unknown> = {}) =>
    submitReport(
      d,
      validReportBody({
        transactions: [],
        suspects: [
          { type: 'phone', value: uniquePhone() },
          { type: 'url', value: uniqueUrl() },
        ],
        ...overrides,
      }),
    );

  const newCase = async (overrides: Record<string, unknown> = {}) =>
    caseOf((await report(overrides)).id);

  beforeAll(async () => {
    d = await startDeployment({
      label: 'review',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    db = d.api.get(DataSource);
    investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    colleague = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    supervisor = await createStaff(d, { role: 'supervisor', region: 'almaty_city' });
    national = await createStaff(d, { role: 'supervisor', region: null });
    stranger = await createStaff(d, { role: 'investigator', region: 'astana' });
  });
  afterAll(async () => d?.close());

  describe('triage', () => {
    it('turns a submitted report into a visible P1 case with freeze requests', async () => {
      const submitted = await submitReport(d, validReportBody());
      const caseId = await caseOf(submitted.id);
      const list = await investigator.api.get('/cases?assignee=unassigned').expect(200);
      const item = (list.body.items as { id: string }[]).find((c) => c.id === caseId);
      expect(item).toMatchObject({
        status: 'open',
        priority: 'P1',
        region: 'almaty_city',
        fraudType: 'online_purchase',
        reportCount: 1,
        loss: '150000.00',
        assignee: null,
      });
      expect((item as unknown as { number: string }).number).toMatch(/^CY-\d{4}-\d{6}$/);

      const detail = await investigator.api.get(`/cases/${caseId}`).expect(200);
      expect(detail.body.reports).toEqual([
        expect.objectContaining({ reference: submitted.reference, status: 'in_review' }),
      ]);
      expect(detail.body.identifiers.map((i: { type: string }) => i.type).sort()).toEqual([
        'card',
        'iban',
        'phone',
        'url',
      ]);
      const card = detail.body.identifiers.find((i: { type: string }) => i.type === 'card');
      expect(card).toMatchObject({ value: null, display: '**** **** **** 1111' });
      expect(detail.body.funds).toMatchObject({ loss: '150000.00', outstandingLoss: '150000.00' });
      expect(detail.body.allowedTransitions).toEqual([]);

      const [requests] = (await db.query(
        `SELECT count(*)::int AS n FROM freeze_requests WHERE case_id = $1 AND status = 'pending'`,
        [caseId],
      )) as { n: number }[];
      expect(requests.n).toBe(1);
      const [report] = (await db.query(
        'SELECT status, priority, triaged_at FROM reports WHERE id = $1',
        [submitted.id],
      )) as { status: string; priority: string; triaged_at: Date | null }[];
      expect(report).toMatchObject({ status: 'in_review', priority: 'P1' });
      expect(report.triaged_at).not.toBeNull();
    });

    it('links differently formatted phones into one case and re-prioritises it', async () => {
      const digits = `${randomInt(1_000_000, 9_999_999)}`;
      const spelled = [
        `8 707 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
        `+7 (707) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`,
        `8707${digits}`,
      ];
      const oldPayment = {
        paidAt: daysAgo(10),
        amount: '5000.00',
        method: 'card',
        fromBank: 'Kaspi Bank',
        toBank: 'Halyk Bank',
      };
      const first = await report({ suspects: [{ type: 'phone', value: spelled[0] }] });
      const caseId = await caseOf(first.id);
      const second = await report({
        suspects: [{ type: 'messenger', value: spelled[1] }],
        transactions: [oldPayment],
      });
      expect(await caseOf(second.id)).toBe(caseId);
      const third = await report({ suspects: [{ type: 'phone', value: spelled[2] }] });
      expect(await caseOf(third.id)).toBe(caseId);

      const detail = await investigator.api.get(`/cases/${caseId}`).expect(200);
      expect(detail.body.reportCount).toBe(3);
      expect(detail.body.priority).toBe('P2');
      expect(detail.body.identifiers).toEqual([
        expect.objectContaining({ type: 'phone', value: `+7707${digits}`, reportCount: 3 }),
      ]);
      const timeline = await investigator.api.get(`/cases/${caseId}/timeline`).expect(200);
      const moves = timeline.body.items
        .filter((e: { type: string }) => e.type === 'case.reprioritised')
        .map((e: { data: { from: string; to: string } }) => `${e.data.from}>${e.data.to}`);
      expect(moves).toEqual(['P4>P3', 'P3>P2']);
      const [sla] = (await db.query(
        'SELECT EXTRACT(EPOCH FROM sla_due_at - created_at)::int AS seconds FROM cases WHERE id = $1',
        [caseId],
      )) as { seconds: number }[];
      expect(sla.seconds).toBe(24 * 3600);
    });

    it('attaches to the oldest of several matching cases and suggests a merge', async () => {
      const phoneA = uniquePhone();
      const phoneB = uniquePhone();
      const older = await caseOf(
        (await report({ suspects: [{ type: 'phone', value: phoneA }] })).id,
      );
      const newer = await caseOf(
        (await report({ suspects: [{ type: 'phone', value: phoneB }] })).id,
      );
      expect(newer).not.toBe(older);
      const both = await report({
        suspects: [
          { type: 'phone', value: phoneB },
          { type: 'phone', value: phoneA },
        ],
      });
      expect(await caseOf(both.id)).toBe(older);
      const timeline = await investigator.api.get(`/cases/${older}/timeline`).expect(200);
      const suggestion = timeline.body.items.find(
        (e: { type: string }) => e.type === 'case.merge_suggested',
      );
      expect(suggestion.data).toMatchObject({ reportId: both.id, candidateCaseIds: [newer] });
    });

    it('is idempotent and race-free when triage runs many times at once', async () => {
      const triage = d.api.get(TriageService);
      const phone = uniquePhone();
      const submitted = await report({ suspects: [{ type: 'phone', value: phone }] });
      const caseId = await caseOf(submitted.id);
      const eventsBefore = (await db.query(
        'SELECT count(*)::int AS n FROM case_events WHERE case_id = $1',
        [caseId],
      )) as { n: number }[];
      const again = await Promise.all(Array.from({ length: 5 }, () => triage.triage(submitted.id)));
      expect(new Set(again.map((r) => r.caseId))).toEqual(new Set([caseId]));
      expect(again.every((r) => r.outcome === 'unchanged')).toBe(true);
      const eventsAfter = (await db.query(
        'SELECT count(*)::int AS n FROM case_events WHERE case_id = $1',
        [caseId],
      )) as { n: number }[];
      expect(eventsAfter[0].n).toBe(eventsBefore[0].n);
    });

    it('puts reports of one ring into one case when workers race on them', async () => {
      const triage = d.api.get(TriageService);
      const phone = uniquePhone();
      const ring = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          report({
            suspects: [
              { type: 'phone', value: phone },
              {
                type: n % 2 ? 'url' : 'email',
                value: n % 2 ? uniqueUrl() : `r${n}${randomBytes(3).toString('hex')}@mail.kz`,
              },
            ],
          }),
        ),
      );
      // The in-process worker triages them too: these calls race with it and with each other.
      const results = await Promise.all(
        ring.flatMap((r) => [triage.triage(r.id), triage.triage(r.id)]),
      );
      const cases = new Set(results.map((r) => r.caseId));
      expect(cases.size).toBe(1);
      const stored = (await db.query(
        'SELECT DISTINCT case_id FROM reports WHERE id = ANY($1::uuid[])',
        [ring.map((r) => r.id)],
      )) as { case_id: string }[];
      expect(stored.map((r) => r.case_id)).toEqual([...cases]);
      const [owned] = (await db.query(
        `SELECT count(*)::int AS n FROM case_identifiers WHERE case_id = $1`,
        [[...cases][0]],
      )) as { n: number }[];
      expect(owned.n).toBe(7);
    });

    it('re-triages after a citizen statement: new identifiers, priority and freeze requests', async () => {
      const elsewhere = uniquePhone();
      const other = await caseOf(
        (await report({ suspects: [{ type: 'phone', value: elsewhere }] })).id,
      );
      const submitted = await report();
      const caseId = await caseOf(submitted.id);
      const newUrl = uniqueUrl();
      await d
        .http()
        .post(`${API}/reports/${submitted.reference}/statements`)
        .set('X-Access-Code', submitted.accessCode)
        .send({
          text: 'The same people called again from another number.',
          suspects: [
            { type: 'phone', value: elsewhere },
            { type: 'url', value: newUrl },
          ],
          transactions: [
            {
              paidAt: new Date(Date.now() - 600_000).toISOString(),
              amount: '700.00',
              method: 'mobile_transfer',
              toAccount: uniqueIban(),
            },
          ],
        })
        .expect(201);
      const detail = await eventually(async () => {
        const res = await investigator.api.get(`/cases/${caseId}`);
        return res.body.priority === 'P1' ? res.body : null;
      });
      expect(detail.reports).toEqual([
        expect.objectContaining({ id: submitted.id, priority: 'P1' }),
      ]);
      const owners = (await db.query(
        `SELECT type, case_id FROM case_identifiers WHERE value = ANY($1::text[])`,
        [[`+7705${elsewhere.slice(7)}`]],
      )) as { type: string; case_id: string }[];
      expect(owners).toEqual([{ type: 'phone', case_id: other }]);
      const timeline = await investigator.api.get(`/cases/${caseId}/timeline`).expect(200);
      const types = timeline.body.items.map((e: { type: string }) => e.type);
      expect(types).toEqual(
        expect.arrayContaining(['identifiers.added', 'case.merge_suggested', 'case.reprioritised']),
      );
      const [requests] = (await db.query(
        `SELECT count(*)::int AS n FROM freeze_requests WHERE report_id = $1`,
        [submitted.id],
      )) as { n: number }[];
      expect(requests.n).toBe(1);
    });
  });

  describe('claims and the queue', () => {
    it('claims an open case into in_review; a second investigator gets 409', async () => {
      const caseId = await newCase();
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
      await investigator.api.get('/cases?limit=101').expect(400);
      await investigator.api.get('/cases?status=lost').expect(400);
      const scoped = await stranger.api.get('/cases').expect(200);
      expect(scoped.body.items.every((c: { region: string }) => c.region === 'astana')).toBe(true);
    });
  });

  describe('workflow', () => {
    const setStatus = (caseId: string, status: CaseStatus) =>
      db.query(
        `UPDATE cases SET status = $2,
                close_reason = CASE WHEN $2 = 'closed' THEN 'other' END,
                agency = CASE WHEN $2 = 'referred' THEN 'KNB' END
          WHERE id = $1`,
        [caseId, status],
      );
    const bodyFor = (to: CaseStatus) =>
      to === 'closed'
        ? { to, reason: 'no_crime' }
        : to === 'referred'
          ? { to, agency: 'Financial Monitoring Agency' }
          : { to };

    it('answers every status pair exactly as the transition table says', async () => {
      const caseId = await newCase();
      const outcomes: string[] = [];
      for (const from of CASE_STATUSES) {
        for (const to of CASE_STATUSES) {
          await setStatus(caseId, from);
          const res = await supervisor.api.post(`/cases/${caseId}/transition`, bodyFor(to));
          const rule = findTransition(from, to);
          if (rule) {
            if (res.status !== 200 || res.body.status !== to)
              outcomes.push(`${from}>${to}: ${res.status}`);
          } else if (
            res.status !== 409 ||
            res.body.type !== '/problems/transition-not-allowed' ||
            JSON.stringify(res.body.allowed) !== JSON.stringify(allowedTargets(from))
          ) {
            outcomes.push(`${from}>${to}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      }
      expect(outcomes).toEqual([]);
      // The transition endpoint covers every rule except the claim edge.
      const viaEndpoint = CASE_TRANSITIONS.filter((r) => r.action !== 'claim').length;
      expect(viaEndpoint).toBe(9);
    });

    it('keeps reports in step, requires reason and agency, and limits investigators', async () => {
      const submitted = await report();
      const caseId = await caseOf(submitted.id);
      const status = async () =>
        (
          (await db.query('SELECT status FROM reports WHERE id = $1', [submitted.id])) as {
            status: string;
          }[]
        )[0].status;
      await investigator.api
        .post(`/cases/${caseId}/transition`, { to: 'closed', reason: 'other' })
        .expect(403);
      await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
      const notHeld = await colleague.api
        .post(`/cases/${caseId}/transition`, { to: 'investigating' })
        .expect(409);
      expect(notHeld.body.type).toBe('/problems/case-not-held');
      await investigator.api
        .post(`/cases/${caseId}/transition`, { to: 'investigating' })
        .expect(200);
      expect(await status()).toBe('investigating');
      const missing = await investigator.api
        .post(`/cases/${caseId}/transition`, { to: 'closed' })
        .expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      await investigator.api
        .post(`/cases/${caseId}/transition`, { to: 'solved', reason: 'other' })
        .expect(400);
      await investigator.api.post(`/cases/${caseId}/transition`, { to: 'solved' }).expect(200);
      expect(await status()).toBe('solved');
      const [solved] = (await db.query('SELECT solved_at FROM cases WHERE id = $1', [caseId])) as {
        solved_at: Date | null;
      }[];
      expect(solved.solved_at).not.toBeNull();
      await investigator.api.post(`/cases/${caseId}/transition`, { to: 'in_review' }).expect(403);
      await supervisor.api.post(`/cases/${caseId}/transition`, { to: 'in_review' }).expect(200);
      expect(await status()).toBe('in_review');
      await investigator.api.post(`/cases/${caseId}/transition`, { to: 'referred' }).expect(400);
      const referred = await investigator.api
        .post(`/cases/${caseId}/transition`, {
          to: 'referred',
          agency: 'Financial Monitoring Agency',
        })
        .expect(200);
      expect(referred.body).toMatchObject({
        status: 'referred',
        agency: 'Financial Monitoring Agency',
      });
      expect(await status()).toBe('referred');
      await stranger.api.post(`/cases/${caseId}/transition`, { to: 'in_review' }).expect(403);
    });

    it('assigns to an active investigator of the case region only', async () => {
      const caseId = await newCase();
      const wrong = await supervisor.api
        .post(`/cases/${caseId}/assign`, { assigneeId: stranger.id })
        .expect(400);
      expect(wrong.body.errors[0].field).toBe('assigneeId');
      await supervisor.api
        .post(`/cases/${caseId}/assign`, { assigneeId: supervisor.id })
        .expect(400);
      const res = await supervisor.api
        .post(`/cases/${caseId}/assign`, { assigneeId: colleague.id })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'in_review', assignee: { id: colleague.id } });
      await national.api
        .post(`/cases/${caseId}/assign`, { assigneeId: investigator.id })
        .expect(200);
      await colleague.api.post(`/cases/${caseId}/claim`).expect(409);
      await investigator.api
        .post(`/cases/${caseId}/assign`, { assigneeId: investigator.id })
        .expect(403);
    });

    it('records notes (never public) and offenders', async () => {
      const caseId = await newCase();
      await investigator.api
        .post(`/cases/${caseId}/notes`, { text: 'Called the bank.\nNo answer.' })
        .expect(201);
      await investigator.api.post(`/cases/${caseId}/notes`, { text: '' }).expect(400);
      const detainedAt = new Date(Date.now() - 3600_000).toISOString();
      const offenders = await investigator.api
        .post(`/cases/${caseId}/offenders`, { count: 2, detainedAt, note: 'Two couriers' })
        .expect(201);
      expect(offenders.body).toMatchObject({ caseId, count: 2 });
      await investigator.api
        .post(`/cases/${caseId}/offenders`, { count: 0, detainedAt })
        .expect(400);
      await investigator.api
        .post(`/cases/${caseId}/offenders`, { count: 1, detainedAt: daysAgo(-2) })
        .expect(400);
      await supervisor.api.post(`/cases/${caseId}/offenders`, { count: 1, detainedAt }).expect(403);
      const timeline = await investigator.api.get(`/cases/${caseId}/timeline`).expect(200);
      const note = timeline.body.items.find((e: { type: string }) => e.type === 'note.added');
      expect(note).toMatchObject({ public: false, data: { text: 'Called the bank.\nNo answer.' } });
      const detail = await investigator.api.get(`/cases/${caseId}`).expect(200);
      expect(detail.body.offendersDetained).toBe(2);
      const publicTypes = (await db.query(
        'SELECT DISTINCT type FROM case_events WHERE public',
      )) as { type: string }[];
      expect(publicTypes.map((t) => t.type)).toEqual(['case.transitioned']);
    });

    it('merges a duplicate: reports, identifiers, money and history move; source closes', async () => {
      const phone = uniquePhone();
      const targetReport = await report({ suspects: [{ type: 'phone', value: uniquePhone() }] });
      const target = await caseOf(targetReport.id);
      const recent = new Date(Date.now() - 3600_000).toISOString();
      const sourceReport = await report({
        suspects: [{ type: 'phone', value: phone }],
        transactions: [
          { paidAt: recent, amount: '2000.00', method: 'bank_transfer', toAccount: uniqueIban() },
        ],
      });
      const source = await caseOf(sourceReport.id);
      await investigator.api.post(`/cases/${source}/notes`, { text: 'source history' }).expect(201);
      await investigator.api.post(`/cases/${source}/merge`, { sourceCaseId: target }).expect(403);
      await supervisor.api.post(`/cases/${target}/merge`, { sourceCaseId: target }).expect(400);
      const merged = await supervisor.api
        .post(`/cases/${target}/merge`, { sourceCaseId: source })
        .expect(200);
      expect(merged.body).toMatchObject({ id: target, reportCount: 2, priority: 'P1' });

      const [src] = (await db.query(
        'SELECT status, close_reason, merged_into_id FROM cases WHERE id = $1',
        [source],
      )) as Record<string, string>[];
      expect(src).toEqual({ status: 'closed', close_reason: 'duplicate', merged_into_id: target });
      const [moved] = (await db.query(
        `SELECT (SELECT count(*)::int FROM case_identifiers WHERE case_id = $1) AS source_ids,
                (SELECT count(*)::int FROM freeze_requests WHERE case_id = $1) AS source_money,
                (SELECT count(*)::int FROM freeze_requests WHERE case_id = $2) AS target_money`,
        [source, target],
      )) as { source_ids: number; source_money: number; target_money: number }[];
      expect(moved).toEqual({ source_ids: 0, source_money: 0, target_money: 1 });
      const timeline = await supervisor.api.get(`/cases/${target}/timeline`).expect(200);
      expect(
        timeline.body.items.some(
          (e: { caseId: string; type: string }) => e.caseId === source && e.type === 'note.added',
        ),
      ).toBe(true);
      expect(timeline.body.items.some((e: { type: string }) => e.type === 'case.merged')).toBe(
        true,
      );
      const detail = await supervisor.api.get(`/cases/${target}`).expect(200);
      expect(detail.body.mergedFrom).toEqual([expect.objectContaining({ id: source })]);
      await supervisor.api.post(`/cases/${target}/merge`, { sourceCaseId: source }).expect(409);
      await supervisor.api.post(`/cases/${source}/transition`, { to: 'in_review' }).expect(409);

      // A new report naming the source's phone now lands in the target.
      const later = await report({ suspects: [{ type: 'phone', value: phone }] });
      expect(await caseOf(later.id)).toBe(target);
    });
  });

  describe('SLA', () => {
    it('records a breach when the timer fires on an unclaimed case, once', async () => {
      const caseId = await newCase();
      const [row] = (await db.query(
        `UPDATE cases SET sla_due_at = now() - interval '1 minute' WHERE id = $1 RETURNING priority`,
        [caseId],
      )) as [{ priority: string }[], number];
      const queue = d.api.get<Queue>(getQueueToken(QueueName.CaseSla));
      const priority = row[0].priority as 'P4';
      await queue.add('due', { caseId }, { jobId: `${slaJobId({ caseId, priority })}-test` });
      await queue.add('due', { caseId }, { jobId: `${slaJobId({ caseId, priority })}-again` });
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
      const caseId = await newCase();
      const queue = d.api.get<Queue>(getQueueToken(QueueName.CaseSla));
      const job = await eventually(() => queue.getJob(slaJobId({ caseId, priority: 'P4' })));
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

  describe('identifiers and the staff report view', () => {
    it('finds reports and cases sharing an identifier in any spelling', async () => {
      const digits = `${randomInt(1_000_000, 9_999_999)}`;
      const submitted = await report({ suspects: [{ type: 'phone', value: `+7 747 ${digits}` }] });
      const caseId = await caseOf(submitted.id);
      const res = await investigator.api
        .get(`/identifiers?value=${encodeURIComponent(`8 (747) ${digits}`)}`)
        .expect(200);
      const phone = res.body.matches.find((m: { type: string }) => m.type === 'phone');
      expect(phone.case).toMatchObject({ id: caseId });
      expect(phone.reports).toEqual([
        expect.objectContaining({ reference: submitted.reference, caseId }),
      ]);
      const hidden = await stranger.api.get(`/identifiers?value=8747${digits}`).expect(200);
      expect(hidden.body.matches).toEqual([]);
      const card = await investigator.api.get('/identifiers?value=4111111111111111').expect(200);
      expect(
        card.body.matches.find((m: { type: string }) => m.type === 'card').reports.length,
      ).toBeGreaterThan(0);
      await investigator.api.get('/identifiers').expect(400);
    });

    it('ranks identifiers by victims and damage in a period', async () => {
      const res = await national.api.get('/identifiers/top?limit=5').expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      const victims = res.body.items.map((i: { victims: number }) => i.victims);
      expect([...victims].sort((a, b) => b - a)).toEqual(victims);
      const byDamage = await national.api.get('/identifiers/top?sort=damage&limit=3').expect(200);
      const damage = byDamage.body.items.map((i: { damage: string }) => Number(i.damage));
      expect([...damage].sort((a, b) => b - a)).toEqual(damage);
      const empty = await national.api
        .get('/identifiers/top?from=2001-01-01&to=2001-02-01')
        .expect(200);
      expect(empty.body).toEqual({ period: { from: '2001-01-01', to: '2001-02-01' }, items: [] });
      await national.api.get('/identifiers/top?from=2025-02-30').expect(400);
      await national.api.get('/identifiers/top?from=2025-03-01&to=2025-02-01').expect(400);
      await investigator.api.get('/identifiers/top?region=astana').expect(403);
    });

    it('shows staff the full report with decrypted personal data, region-scoped and audited', async () => {
      const submitted = await submitReport(d, validReportBody());
      await caseOf(submitted.id);
      const res = await investigator.api.get(`/reports/${submitted.reference}`).expect(200);
      expect(res.body).toMatchObject({
        reference: submitted.reference,
        reporter: { phone: '+77011234567', email: 'aigerim@example.kz' },
        transactions: [expect.objectContaining({ amount: '150000.00' })],
      });
      expect(res.body.reporter.iin).toMatch(/^\d{12}$/);
      await stranger.api.get(`/reports/${submitted.reference}`).expect(403);
      await investigator.api.get('/reports/FR-2000-999999').expect(404);
      const [audit] = (await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.viewed' AND target_id = $1`,
        [submitted.id],
      )) as { n: number }[];
      expect(audit.n).toBe(1);
    });
  });
});
