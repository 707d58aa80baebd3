import {
  adminToken,
  reportInCase,
  sql,
  StaffClient,
  startFundsDeployment,
  TestDeployment,
  TestStaff,
} from '@app/testing';

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * Records staff add to a case, bounded by what makes sense: offenders per record and per case
 * status, who may write notes, and dates not before the incident or payment they follow.
 */
describe('app: offenders, notes and ledger dates stay within sense', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let national: TestStaff;
  let admin: StaffClient;

  beforeAll(async () => {
    ({ d, inv, national } = await startFundsDeployment('app-record-rules'));
    admin = new StaffClient(d, await adminToken(d));
  });
  afterAll(async () => d?.close());

  /** A case of almaty_city whose one report was paid `paidHoursAgo` hours ago. */
  async function freshCase(paidHoursAgo = 1) {
    return reportInCase(d, { paidHoursAgo });
  }

  const offenders = (caseId: string, body: Record<string, unknown>) =>
    inv.api.post(`/cases/${caseId}/offenders`, { detainedAt: ago(60_000), ...body });

  describe('POST /cases/{id}/offenders', () => {
    it('takes 1–100 offenders per record; 1,000 is a 400 naming count', async () => {
      const { caseId } = await freshCase();
      await offenders(caseId, { count: 100 }).expect(201);
      const res = await offenders(caseId, { count: 1000 }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'count' })]);
      await offenders(caseId, { count: 101 }).expect(400);
    });

    it('refuses closed and referred cases with 409, accepts solved ones', async () => {
      const closed = await freshCase();
      await national.api
        .post(`/cases/${closed.caseId}/transition`, { to: 'closed', reason: 'unfounded' })
        .expect(200);
      const refused = await offenders(closed.caseId, { count: 1000 }).expect(400);
      expect(refused.body.errors[0].field).toBe('count');
      const res = await offenders(closed.caseId, { count: 3 }).expect(409);
      expect(res.body).toMatchObject({
        type: '/problems/offenders-not-allowed',
        caseStatus: 'closed',
      });

      const referred = await freshCase();
      await inv.api.post(`/cases/${referred.caseId}/claim`).expect(200);
      await inv.api
        .post(`/cases/${referred.caseId}/transition`, { to: 'referred', agency: 'KNB' })
        .expect(200);
      const ref = await offenders(referred.caseId, { count: 1 }).expect(409);
      expect(ref.body.caseStatus).toBe('referred');

      const solved = await freshCase();
      await inv.api.post(`/cases/${solved.caseId}/claim`).expect(200);
      await inv.api.post(`/cases/${solved.caseId}/transition`, { to: 'investigating' });
      await inv.api.post(`/cases/${solved.caseId}/transition`, { to: 'solved' }).expect(200);
      // Detentions often follow the solving: still recorded, still counted.
      await offenders(solved.caseId, { count: 2 }).expect(201);
      const rows = await sql<{ n: number }>(
        d,
        `SELECT coalesce(sum(count), 0)::int AS n FROM offender_records WHERE case_id = ANY($1)`,
        [[closed.caseId, referred.caseId]],
      );
      expect(rows[0].n).toBe(0);
    });

    it('refuses a detention before the case’s first incident (400 on detainedAt)', async () => {
      const { caseId } = await freshCase();
      // validReportBody: the incident happened a day ago, the payment an hour ago.
      const res = await offenders(caseId, { count: 1, detainedAt: '1971-01-01T00:00:00Z' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'detainedAt' })]);
      await offenders(caseId, { count: 1, detainedAt: ago(48 * HOUR) }).expect(400);
      await offenders(caseId, { count: 1, detainedAt: ago(23 * HOUR) }).expect(201);
    });
  });

  it('lets investigators and supervisors write notes, not admins (403)', async () => {
    const { caseId } = await freshCase();
    const denied = await admin.post(`/cases/${caseId}/notes`, { text: 'admin note' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ type: '/problems/forbidden' });
    await inv.api.post(`/cases/${caseId}/notes`, { text: 'investigator note' }).expect(201);
    await national.api.post(`/cases/${caseId}/notes`, { text: 'supervisor note' }).expect(201);
    const notes = await sql(d, `SELECT 1 FROM case_events WHERE case_id = $1 AND type = $2`, [
      caseId,
      'note.added',
    ]);
    expect(notes).toHaveLength(2);
  });

  describe('freeze and reimbursement dates', () => {
    const freeze = (caseId: string, body: Record<string, unknown>) =>
      inv.api.post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: '+7 707 123 4567',
        amount: '100.00',
        stage: 'domestic',
        ...body,
      });

    it('refuses a freeze before the payment of its freeze request', async () => {
      const { caseId } = await freshCase(2); // P1: triage opens freeze requests
      const list = await inv.api.get(`/freeze-requests?caseId=${caseId}`).expect(200);
      const request = list.body.items[0] as { id: string; paidAt: string };
      const paid = Date.parse(request.paidAt);
      const early = await freeze(caseId, {
        freezeRequestId: request.id,
        account: undefined,
        frozenAt: new Date(paid - 60_000).toISOString(),
      });
      expect(early.status).toBe(400);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'frozenAt' })]);
      const pending = await sql(d, 'SELECT status FROM freeze_requests WHERE id = $1', [
        request.id,
      ]);
      expect(pending).toEqual([{ status: 'pending' }]);
      await freeze(caseId, {
        freezeRequestId: request.id,
        account: undefined,
        frozenAt: new Date(paid + 60_000).toISOString(),
      }).expect(201);
    });

    it('refuses a freeze back-dated to 1971 or before the report’s or the case’s payment', async () => {
      const { caseId, report } = await freshCase(5);
      for (const reportId of [report.id, undefined]) {
        const old = await freeze(caseId, { reportId, frozenAt: '1971-06-01T00:00:00Z' });
        expect(old.status).toBe(400);
        expect(old.body.errors[0].field).toBe('frozenAt');
        await freeze(caseId, { reportId, frozenAt: ago(6 * HOUR) }).expect(400);
        await freeze(caseId, { reportId, frozenAt: ago(4 * HOUR) }).expect(201);
      }
      const frozen = await sql(d, 'SELECT 1 FROM freezes WHERE case_id = $1', [caseId]);
      expect(frozen).toHaveLength(2);
    });

    it('refuses a reimbursement paid before the report’s payment, and one in the future', async () => {
      const { caseId, report } = await freshCase(5);
      const pay = (paidAt: string) =>
        inv.api.post(`/cases/${caseId}/reimbursements`, {
          reportId: report.id,
          amount: '10.00',
          source: 'bank_compensation',
          paidAt,
        });
      const early = await pay(ago(6 * HOUR)).expect(400);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'paidAt' })]);
      await pay(new Date(Date.now() + 48 * HOUR).toISOString()).expect(400);
      await pay(ago(4 * HOUR)).expect(201);
    });

    it('never reads a negative report→freeze median in /stats/queues', async () => {
      // The bank froze the money before the citizen filed (a real sequence): counted as 0 s.
      const { caseId, report } = await freshCase(3);
      for (let i = 0; i < 3; i += 1) {
        await freeze(caseId, { reportId: report.id, frozenAt: ago(2 * HOUR) }).expect(201);
      }
      const stats = await national.api.get('/stats/queues').expect(200);
      // Every freeze of this suite precedes its report's filing: the median is 0, not −2 h.
      expect(stats.body.medianReportToFreezeSeconds).toBe(0);
    });
  });
});
