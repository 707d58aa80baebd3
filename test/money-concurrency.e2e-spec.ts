import { createStaff, startDeployment, TestDeployment, TestStaff } from '@app/testing';
import { bearer, reportInCase, sql, uniquePhone } from './money-support';

/**
 * The invariants under load: 50 requests at once against one freeze / one report. Row locks
 * serialise them, so exactly the ones that fit succeed, the rest get 409, nothing else.
 */
describe('money: invariants under concurrent requests', () => {
  let d: TestDeployment;
  let inv: TestStaff;

  beforeAll(async () => {
    d = await startDeployment({ label: 'moneyrace', worker: true });
    inv = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
  });
  afterAll(async () => d?.close());

  const post = (path: string, body: unknown) =>
    d
      .http()
      .post(`/api/v1${path}`)
      .set(bearer(inv.token))
      .send(body as object);
  const statuses = (results: Array<{ status: number }>) => {
    const counts: Record<number, number> = {};
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
  const freeze = async (caseId: string, amount: string, reportId?: string) =>
    (
      await post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: uniquePhone(),
        amount,
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        reportId,
      }).expect(201)
    ).body.id as string;

  it('50 releases of 30% each to the holder: three succeed, the sum stays within the freeze', async () => {
    const { caseId } = await reportInCase(d);
    const id = await freeze(caseId, '1000.00');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(`/freezes/${id}/releases`, { amount: '300.00', to: 'holder' }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 3, 409: 47 });
    const [row] = await sql<{ released: string; sum: string; n: number }>(
      d,
      `SELECT f.released_tiyn::text AS released, sum(l.amount_tiyn)::text AS sum, count(l.*)::int AS n
         FROM freezes f JOIN freeze_releases l ON l.freeze_id = f.id WHERE f.id = $1
        GROUP BY f.released_tiyn`,
      [id],
    );
    expect(row).toEqual({ released: '90000', sum: '90000', n: 3 });
  });

  it('50 releases to the victim: limited by the freeze and by the loss, each with its reimbursement', async () => {
    // Loss 1,500.00; freeze 1,000.00; releases of 300.00: the freeze allows three.
    const { caseId, report } = await reportInCase(d, { amounts: ['1500.00'] });
    const id = await freeze(caseId, '1000.00', report.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(`/freezes/${id}/releases`, { amount: '300.00', to: 'victim', reportId: report.id }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 3, 409: 47 });
    const [row] = await sql<{ reimbursed: string; n: number; frozen: string }>(
      d,
      `SELECT p.reimbursed_tiyn::text AS reimbursed, p.frozen_tiyn::text AS frozen,
              (SELECT count(*) FROM reimbursements r WHERE r.report_id = p.id)::int AS n
         FROM reports p WHERE p.id = $1`,
      [report.id],
    );
    expect(row).toEqual({ reimbursed: '90000', frozen: '100000', n: 3 });
  });

  it('50 reimbursements of 30% of the loss: three succeed, net never exceeds the loss', async () => {
    const { caseId, report } = await reportInCase(d, { amounts: ['1000.00'] });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(`/cases/${caseId}/reimbursements`, {
          reportId: report.id,
          amount: '300.00',
          source: i % 2 ? 'court_order' : 'bank_compensation',
          paidAt: new Date().toISOString(),
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 3, 409: 47 });
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.type).toBe('/problems/reimbursement-exceeds-loss');
    }
    const [row] = await sql<{ reimbursed: string; sum: string }>(
      d,
      `SELECT p.reimbursed_tiyn::text AS reimbursed,
              (SELECT sum(amount_tiyn) FROM reimbursements r WHERE r.report_id = p.id)::text AS sum
         FROM reports p WHERE p.id = $1`,
      [report.id],
    );
    expect(row).toEqual({ reimbursed: '90000', sum: '90000' });
  });

  it('50 reversals of one reimbursement: one succeeds', async () => {
    const { caseId, report } = await reportInCase(d, { amounts: ['1000.00'] });
    const created = await post(`/cases/${caseId}/reimbursements`, {
      reportId: report.id,
      amount: '250.00',
      source: 'court_order',
      paidAt: new Date().toISOString(),
    }).expect(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(`/reimbursements/${created.body.id}/reverse`, { reason: 'duplicate entry' }),
      ),
    );
    expect(statuses(results)).toEqual({ 200: 1, 409: 49 });
    const [row] = await sql<{ reimbursed: string }>(
      d,
      'SELECT reimbursed_tiyn::text AS reimbursed FROM reports WHERE id = $1',
      [report.id],
    );
    expect(row.reimbursed).toBe('0');
  });

  it('mixed releases to victim and direct reimbursements of one report never pass the loss', async () => {
    const { caseId, report } = await reportInCase(d, { amounts: ['1000.00'] });
    const id = await freeze(caseId, '1000.00', report.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? post(`/freezes/${id}/releases`, { amount: '70.00', to: 'victim', reportId: report.id })
          : post(`/cases/${caseId}/reimbursements`, {
              reportId: report.id,
              amount: '70.00',
              source: 'offender_voluntary',
              paidAt: new Date().toISOString(),
            }),
      ),
    );
    // 14 × 70.00 = 980.00 fit into the loss of 1,000.00.
    expect(statuses(results)).toEqual({ 201: 14, 409: 36 });
    const [row] = await sql<{ reimbursed: string; released: string }>(
      d,
      `SELECT p.reimbursed_tiyn::text AS reimbursed,
              (SELECT released_tiyn FROM freezes WHERE id = $2)::text AS released
         FROM reports p WHERE p.id = $1`,
      [report.id, id],
    );
    expect(BigInt(row.reimbursed)).toBe(98000n);
    expect(BigInt(row.released)).toBeLessThanOrEqual(98000n);
  });
});
