/**
 * The small fixed data set of the stats suites; their expected figures are computed by hand
 * from it.
 *
 * Fixtures: reports are filed through POST /reports and triaged by the real worker; their
 * `submitted_at` (with their incident and payment times, the cases' `created_at` and the `at`
 * of the solving transition) are then moved into the past with SQL, because the API stamps
 * "now". Every other row is written
 * through the HTTP API with past dates in the request. The rollups follow those SQL updates
 * through their triggers, which is part of what is tested.
 *
 * Asia/Almaty is UTC+5 since 2024-03-01 00:00 (UTC+6 before), so:
 *   2026-01-31T18:59:59Z = 31 Jan 23:59:59 local; 2026-01-31T19:00:00Z = 1 Feb 00:00 local;
 *   2024-02-28T18:30:00Z = 29 Feb 2024 00:30 local (it would be 28 Feb at UTC+5).
 */
import { DataSource } from 'typeorm';
import { caseOf } from './cases';
import { recordFreeze } from './funds';
import { fileReport, reportInCase, sql, uniquePhone } from './money';
import { createStaff, TestStaff } from './staff';
import { startDeployment, TestDeployment } from './test-app';

export interface StatsDataset {
  d: TestDeployment;
  inv: TestStaff;
  invAstana: TestStaff;
  national: TestStaff;
  supAlmaty: TestStaff;
  admin: TestStaff;
  /** Reports R1-R4 and cases C1, C2, C4, C5 of the data set. */
  ids: Record<string, string>;
}

/** GET /stats/summary as `who` (expects 200); the JSON body. */
export async function statsSummary(who: TestStaff, query: string) {
  return (await who.api.get(`/stats/summary?${query}`).expect(200)).body;
}

async function backdate(
  d: TestDeployment,
  reportId: string,
  submittedAt: string,
  caseId?: string,
  createdAt?: string,
): Promise<void> {
  // The incident and payments move back too, to before every freeze, reimbursement and
  // detention of the data set (those are bounded by them: docs/money.md, "Dates").
  await sql(
    d,
    `UPDATE reports SET submitted_at = $2,
            occurred_at = least($2::timestamptz, '2026-01-01T00:00:00Z') - interval '1 day'
      WHERE id = $1`,
    [reportId, submittedAt],
  );
  await sql(
    d,
    `UPDATE report_transactions
        SET paid_at = least($2::timestamptz, '2026-01-01T00:00:00Z') - interval '23 hours'
      WHERE report_id = $1`,
    [reportId, submittedAt],
  );
  if (caseId && createdAt) {
    await sql(d, 'UPDATE cases SET created_at = $2 WHERE id = $1', [caseId, createdAt]);
  }
}

/** Moves the case's transitions to `solved` (so far) to `at`. */
export function moveSolving(d: TestDeployment, caseId: string, at: string): Promise<void> {
  // case_events is append-only (a trigger); lifted for this one back-dating, in one transaction.
  return d.api.get(DataSource).transaction(async (m) => {
    await m.query('ALTER TABLE case_events DISABLE TRIGGER tg_case_events_append_only');
    await m.query(`UPDATE case_events SET at = $2 WHERE case_id = $1 AND data->>'to' = 'solved'`, [
      caseId,
      at,
    ]);
    await m.query('ALTER TABLE case_events ENABLE TRIGGER tg_case_events_append_only');
  });
}

/** A fresh deployment (API and worker) holding the data set. */
export async function startStatsDataset(label: string): Promise<StatsDataset> {
  const d = await startDeployment({ label, worker: true });
  const [inv, invAstana, national, supAlmaty, admin] = await Promise.all([
    createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    createStaff(d, { role: 'investigator', region: 'astana' }),
    createStaff(d, { role: 'supervisor', region: null }),
    createStaff(d, { role: 'supervisor', region: 'almaty_city' }),
    createStaff(d, { role: 'admin', region: null }),
  ]);
  const ids: Record<string, string> = {};

  const shared = uniquePhone();
  const r1 = await reportInCase(d, { region: 'almaty_city', amounts: ['150000.00'] });
  const r2 = await reportInCase(d, {
    region: 'almaty_city',
    amounts: ['100000.00'],
    sharedPhone: shared,
  });
  const r3 = await fileReport(d, {
    region: 'astana',
    fraudType: 'phishing',
    amounts: ['50000.00'],
    sharedPhone: shared,
  });
  expect(await caseOf(d, r3.id)).toBe(r2.caseId);
  const r4 = await reportInCase(d, {
    region: 'astana',
    fraudType: 'phishing',
    amounts: ['20000.00'],
  });
  const r5 = await reportInCase(d, {
    region: 'turkistan',
    fraudType: 'other',
    amounts: ['1000.00'],
  });
  Object.assign(ids, {
    R1: r1.report.id,
    R2: r2.report.id,
    R3: r3.id,
    R4: r4.report.id,
    C1: r1.caseId,
    C2: r2.caseId,
    C4: r4.caseId,
    C5: r5.caseId,
  });
  await backdate(d, ids.R1, '2026-01-31T18:59:59Z', ids.C1, '2026-01-31T18:00:00Z');
  await backdate(d, ids.R2, '2026-01-31T19:00:00Z', ids.C2, '2026-02-10T10:00:00Z');
  await backdate(d, ids.R3, '2026-02-28T18:59:59Z');
  await backdate(d, ids.R4, '2026-02-28T19:00:00Z', ids.C4, '2026-02-28T19:00:00Z');
  await backdate(d, r5.report.id, '2024-02-28T18:30:00Z', ids.C5, '2024-02-28T18:30:00Z');

  // Offenders.
  await inv.api
    .post(`/cases/${ids.C2}/offenders`, {
      count: 2,
      detainedAt: '2026-02-15T10:00:00Z',
    })
    .expect(201);
  await inv.api
    .post(`/cases/${ids.C1}/offenders`, {
      count: 1,
      detainedAt: '2026-01-10T00:00:00Z',
    })
    .expect(201);
  await invAstana.api
    .post(`/cases/${ids.C4}/offenders`, {
      count: 3,
      detainedAt: '2026-02-28T19:30:00Z',
    })
    .expect(201);

  // Freezes.
  const f1 = await recordFreeze(inv, ids.C2, '30000.00', {
    stage: 'domestic',
    frozenAt: '2026-02-05T10:00:00Z',
    reportId: ids.R2,
  });
  await recordFreeze(inv, ids.C2, '40000.00', {
    stage: 'withdrawal_abroad',
    frozenAt: '2026-02-28T18:59:59Z',
  });
  await recordFreeze(inv, ids.C1, '10000.00', {
    stage: 'withdrawal_abroad',
    frozenAt: '2026-01-31T19:00:00Z',
  });
  await recordFreeze(invAstana, ids.C4, '5000.00', {
    stage: 'domestic',
    frozenAt: '2026-02-10T10:00:00Z',
  });
  await recordFreeze(inv, ids.C1, '8000.00', {
    stage: 'domestic',
    frozenAt: '2026-01-31T18:59:59Z',
  });

  // Reimbursements; the court order is reversed, the release is paid "now" (outside).
  const reimburse = (
    caseId: string,
    reportId: string,
    amount: string,
    source: string,
    paidAt: string,
  ) =>
    inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId,
        amount,
        source,
        paidAt,
      })
      .expect(201);
  await reimburse(ids.C2, ids.R2, '20000.00', 'bank_compensation', '2026-02-12T10:00:00Z');
  const wrong = await reimburse(ids.C2, ids.R3, '5000.00', 'court_order', '2026-02-13T10:00:00Z');
  await inv.api
    .post(`/reimbursements/${wrong.body.id}/reverse`, {
      reason: 'wrong report',
    })
    .expect(200);
  await reimburse(ids.C1, ids.R1, '7000.00', 'offender_voluntary', '2026-01-15T10:00:00Z');
  await inv.api
    .post(`/freezes/${f1.body.id}/releases`, {
      amount: '10000.00',
      to: 'victim',
      reportId: ids.R2,
    })
    .expect(201);

  // C2 solved, then the solving transition moved to 20 February.
  await inv.api.post(`/cases/${ids.C2}/claim`).expect(200);
  await inv.api.post(`/cases/${ids.C2}/transition`, { to: 'investigating' }).expect(200);
  await inv.api.post(`/cases/${ids.C2}/transition`, { to: 'solved' }).expect(200);
  await moveSolving(d, ids.C2, '2026-02-20T10:00:00Z');
  return { d, inv, invAstana, national, supAlmaty, admin, ids };
}
