import { DataSource } from 'typeorm';
import { CASE_STATUSES } from '@app/common';
import type { CaseStatus } from '@app/common';
import { allowedTargets, CASE_TRANSITIONS, findTransition } from '@app/cases';
import {
  caseOf,
  daysAgo,
  newCase,
  ringReport,
  startCasesDeployment,
  TestDeployment,
  TestStaff,
  uniqueIban,
  uniqueSuspectPhone,
} from '@app/testing';
import { REPORT_CASE_JOIN, REPORT_STATUS_SQL } from '@app/investigation';

describe('cases: transitions, assignment, notes, offenders and merges', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let colleague: TestStaff;
  let supervisor: TestStaff;
  let national: TestStaff;
  let stranger: TestStaff;

  beforeAll(async () => {
    ({ d, db, investigator, colleague, supervisor, national, stranger } =
      await startCasesDeployment('cases-workflow'));
  });
  afterAll(async () => d?.close());

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
      const caseId = await newCase(d);
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
      const submitted = await ringReport(d);
      const caseId = await caseOf(d, submitted.id);
      const status = async () =>
        (
          (await db.query(
            `SELECT ${REPORT_STATUS_SQL} AS status FROM reports r ${REPORT_CASE_JOIN}
              WHERE r.id = $1`,
            [submitted.id],
          )) as {
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
      const caseId = await newCase(d);
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
      const caseId = await newCase(d);
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
      const phone = uniqueSuspectPhone();
      const targetReport = await ringReport(d, {
        suspects: [{ type: 'phone', value: uniqueSuspectPhone() }],
      });
      const target = await caseOf(d, targetReport.id);
      const recent = new Date(Date.now() - 3600_000).toISOString();
      const sourceReport = await ringReport(d, {
        suspects: [{ type: 'phone', value: phone }],
        transactions: [
          { paidAt: recent, amount: '2000.00', method: 'bank_transfer', toAccount: uniqueIban() },
        ],
      });
      const source = await caseOf(d, sourceReport.id);
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
      const later = await ringReport(d, { suspects: [{ type: 'phone', value: phone }] });
      expect(await caseOf(d, later.id)).toBe(target);
    });
  });
});
