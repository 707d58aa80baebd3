import { Money } from '@app/common';
import {
  createStaff,
  FROZEN_SQL,
  NET_REIMBURSED_SQL,
  recordFreeze,
  reportInCase,
  sql,
  startDeployment,
  TestDeployment,
  TestStaff,
  uniquePhone,
} from '@app/testing';

/**
 * The invariants under load: 50 requests at once against one freeze / one report. Row locks
 * serialise them, so exactly the ones that fit succeed, the rest get 409, nothing else.
 */
describe('funds: invariants under concurrent requests', () => {
  let d: TestDeployment;
  let inv: TestStaff;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'funds-race',
      worker: true,
      // The merge race files 40 reports.
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    inv = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
  });
  afterAll(async () => d?.close());

  const statuses = (results: Array<{ status: number }>) => {
    const counts: Record<number, number> = {};
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
  const freeze = async (caseId: string, amount: string, reportId?: string) =>
    (await recordFreeze(inv, caseId, amount, { reportId })).body.id as string;

  it('50 releases of 30% each to the holder: three succeed, the sum stays within the freeze', async () => {
    const { caseId } = await reportInCase(d);
    const id = await freeze(caseId, '1000.00');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        inv.api.post(`/freezes/${id}/releases`, { amount: '300.00', to: 'holder' }),
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
        inv.api.post(`/freezes/${id}/releases`, {
          amount: '300.00',
          to: 'victim',
          reportId: report.id,
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 3, 409: 47 });
    const [row] = await sql<{ reimbursed: string; n: number; frozen: string }>(
      d,
      `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed, ${FROZEN_SQL}::text AS frozen,
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
        inv.api.post(`/cases/${caseId}/reimbursements`, {
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
      `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed,
              (SELECT sum(amount_tiyn) FROM reimbursements r WHERE r.report_id = p.id)::text AS sum
         FROM reports p WHERE p.id = $1`,
      [report.id],
    );
    expect(row).toEqual({ reimbursed: '90000', sum: '90000' });
  });

  it('50 reversals of one reimbursement: one succeeds', async () => {
    const { caseId, report } = await reportInCase(d, { amounts: ['1000.00'] });
    const created = await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: report.id,
        amount: '250.00',
        source: 'court_order',
        paidAt: new Date().toISOString(),
      })
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        inv.api.post(`/reimbursements/${created.body.id}/reverse`, { reason: 'duplicate entry' }),
      ),
    );
    expect(statuses(results)).toEqual({ 200: 1, 409: 49 });
    const [row] = await sql<{ reimbursed: string }>(
      d,
      `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed FROM reports p WHERE p.id = $1`,
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
          ? inv.api.post(`/freezes/${id}/releases`, {
              amount: '70.00',
              to: 'victim',
              reportId: report.id,
            })
          : inv.api.post(`/cases/${caseId}/reimbursements`, {
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
      `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed,
              (SELECT released_tiyn FROM freezes WHERE id = $2)::text AS released
         FROM reports p WHERE p.id = $1`,
      [report.id, id],
    );
    expect(BigInt(row.reimbursed)).toBe(98000n);
    expect(BigInt(row.released)).toBeLessThanOrEqual(98000n);
  });

  it('money written while its case is merged always ends on the surviving case (20 rounds)', async () => {
    const supervisor = await createStaff(d, { role: 'supervisor', region: null });
    const pairs: Array<{ target: string; source: string; sourceReport: string }> = [];
    for (let batch = 0; batch < 4; batch++) {
      pairs.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, async () => {
            const [target, source] = await Promise.all([
              reportInCase(d),
              reportInCase(d, { amounts: ['1000.00'] }),
            ]);
            return { target: target.caseId, source: source.caseId, sourceReport: source.report.id };
          }),
        )),
      );
    }
    // Requests start staggered over ~75 ms (supertest sends on await), so that across the rounds
    // freezes land before, during and after the merge.
    const after = <T>(ms: number, send: () => PromiseLike<T>): Promise<T> =>
      new Promise((resolve) => setTimeout(resolve, ms)).then(send);
    for (const [round, { target, source, sourceReport }] of pairs.entries()) {
      const held = await freeze(source, '100.00', sourceReport);
      // The merge against a release (case → report → freeze) and six new freezes.
      const [merge, release, ...freezes] = await Promise.all([
        after((round % 4) * 20, () =>
          supervisor.api.post(`/cases/${target}/merge`, { sourceCaseId: source }),
        ),
        after(0, () =>
          inv.api.post(`/freezes/${held}/releases`, {
            amount: '10.00',
            to: 'victim',
            reportId: sourceReport,
          }),
        ),
        ...Array.from({ length: 6 }, (_, i) =>
          after(i * 15, () =>
            inv.api.post(`/cases/${source}/freezes`, {
              bank: 'Halyk Bank',
              account: uniquePhone(),
              amount: '1.00',
              frozenAt: new Date().toISOString(),
              stage: 'withdrawal_abroad',
            }),
          ),
        ),
      ]);
      expect([merge.status, release.status]).toEqual([200, 201]);
      for (const r of freezes.filter((x) => x.status !== 201)) {
        expect([r.status, r.body.type, r.body.mergedIntoId]).toEqual([
          409,
          '/problems/case-merged',
          target,
        ]);
      }
      const rows = await sql<{ case_id: string; amount: string }>(
        d,
        'SELECT case_id, amount_tiyn::text AS amount FROM freezes WHERE case_id = ANY($1)',
        [[target, source]],
      );
      expect(rows.filter((r) => r.case_id !== target)).toEqual([]);
      expect(rows).toHaveLength(1 + freezes.filter((x) => x.status === 201).length);
      const sum = rows.reduce((total, r) => total + BigInt(r.amount), 0n);
      const funds = await inv.api.get(`/cases/${target}/funds`).expect(200);
      expect(funds.body.total.frozen).toBe(Money.format(sum));
      expect(funds.body.total.released).toBe('10.00');
    }
  }, 300_000);
});
