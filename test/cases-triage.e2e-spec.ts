import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TriageService } from '@app/cases';
import {
  caseOf,
  daysAgo,
  eventually,
  ringReport,
  staffClient,
  startCasesDeployment,
  submitReport,
  TestDeployment,
  TestStaff,
  uniqueIban,
  uniqueSuspectPhone,
  uniqueUrl,
  validReportBody,
} from '@app/testing';
import { REPORT_CASE_JOIN, REPORT_STATUS_SQL } from '@app/investigation';

describe('cases: triage into cases (real API, worker and BullMQ)', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;

  beforeAll(async () => {
    ({ d, db, investigator } = await startCasesDeployment('cases-triage'));
  });
  afterAll(async () => d?.close());

  describe('triage', () => {
    it('turns a submitted report into a visible P1 case with freeze requests', async () => {
      const submitted = await submitReport(d, validReportBody());
      const caseId = await caseOf(d, submitted.id);
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
        `SELECT ${REPORT_STATUS_SQL} AS status, r.priority, r.triaged_at
           FROM reports r ${REPORT_CASE_JOIN} WHERE r.id = $1`,
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
      const first = await ringReport(d, { suspects: [{ type: 'phone', value: spelled[0] }] });
      const caseId = await caseOf(d, first.id);
      const second = await ringReport(d, {
        suspects: [{ type: 'messenger', value: spelled[1] }],
        transactions: [oldPayment],
      });
      expect(await caseOf(d, second.id)).toBe(caseId);
      const third = await ringReport(d, { suspects: [{ type: 'phone', value: spelled[2] }] });
      expect(await caseOf(d, third.id)).toBe(caseId);

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
      const phoneA = uniqueSuspectPhone();
      const phoneB = uniqueSuspectPhone();
      const older = await caseOf(
        d,
        (await ringReport(d, { suspects: [{ type: 'phone', value: phoneA }] })).id,
      );
      const newer = await caseOf(
        d,
        (await ringReport(d, { suspects: [{ type: 'phone', value: phoneB }] })).id,
      );
      expect(newer).not.toBe(older);
      const both = await ringReport(d, {
        suspects: [
          { type: 'phone', value: phoneB },
          { type: 'phone', value: phoneA },
        ],
      });
      expect(await caseOf(d, both.id)).toBe(older);
      const timeline = await investigator.api.get(`/cases/${older}/timeline`).expect(200);
      const suggestion = timeline.body.items.find(
        (e: { type: string }) => e.type === 'case.merge_suggested',
      );
      expect(suggestion.data).toMatchObject({ reportId: both.id, candidateCaseIds: [newer] });
    });

    it('is idempotent and race-free when triage runs many times at once', async () => {
      const triage = d.api.get(TriageService);
      const phone = uniqueSuspectPhone();
      const submitted = await ringReport(d, { suspects: [{ type: 'phone', value: phone }] });
      const caseId = await caseOf(d, submitted.id);
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
      const phone = uniqueSuspectPhone();
      const ring = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          ringReport(d, {
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
      const elsewhere = uniqueSuspectPhone();
      const other = await caseOf(
        d,
        (await ringReport(d, { suspects: [{ type: 'phone', value: elsewhere }] })).id,
      );
      const submitted = await ringReport(d);
      const caseId = await caseOf(d, submitted.id);
      const newUrl = uniqueUrl();
      await staffClient(d)
        .post(`/reports/${submitted.reference}/statements`, {
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
        .set('X-Access-Code', submitted.accessCode)
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
});
