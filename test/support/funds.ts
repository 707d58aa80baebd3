/** Fixtures of the funds suites: their deployment and staff, freezes, ledger row counts. */
import type { Test } from 'supertest';
import { sql, uniquePhone } from './money';
import { createStaff, TestStaff } from './staff';
import { startDeployment, TestDeployment } from './test-app';

export interface FundsDeployment {
  d: TestDeployment;
  /** Investigator of almaty_city, where the fixtures' reports come from. */
  inv: TestStaff;
  /** Investigator of astana: another region. */
  invAstana: TestStaff;
  /** Supervisor without a region. */
  national: TestStaff;
}

/** API and worker (triage opens the cases) with an investigator per region and a national supervisor. */
export async function startFundsDeployment(label: string): Promise<FundsDeployment> {
  const d = await startDeployment({ label, worker: true });
  const [inv, invAstana, national] = await Promise.all([
    createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    createStaff(d, { role: 'investigator', region: 'astana' }),
    createStaff(d, { role: 'supervisor', region: null }),
  ]);
  return { d, inv, invAstana, national };
}

/**
 * Records a freeze at Halyk Bank on a fresh phone account (expects 201): `domestic` and frozen
 * now unless told otherwise.
 */
export function recordFreeze(
  who: TestStaff,
  caseId: string,
  amount: string,
  opts: { stage?: string; frozenAt?: string; reportId?: string } = {},
): Test {
  return who.api
    .post(`/cases/${caseId}/freezes`, {
      bank: 'Halyk Bank',
      account: uniquePhone(),
      amount,
      frozenAt: opts.frozenAt ?? new Date().toISOString(),
      stage: opts.stage ?? 'domestic',
      reportId: opts.reportId,
    })
    .expect(201);
}

/**
 * A report's net reimbursed and frozen tiyn, from the ledger: reports keep no copies. In a
 * query whose report row is `p`.
 */
export const NET_REIMBURSED_SQL = `(SELECT coalesce(sum(x.amount_tiyn), 0) FROM reimbursements x
  WHERE x.report_id = p.id
    AND NOT EXISTS (SELECT 1 FROM reimbursement_reversals v WHERE v.reimbursement_id = x.id))`;
export const FROZEN_SQL = `(SELECT coalesce(sum(f.amount_tiyn), 0) FROM freezes f WHERE f.report_id = p.id)`;

/** Row counts and sums of the whole ledger: equal before and after a refused write. */
export async function ledgerCounts(d: TestDeployment): Promise<Record<string, number>> {
  const [counts] = await sql<Record<string, number>>(
    d,
    `SELECT (SELECT count(*) FROM freezes)::int AS freezes,
            (SELECT count(*) FROM freeze_releases)::int AS releases,
            (SELECT count(*) FROM reimbursements)::int AS reimbursements,
            (SELECT count(*) FROM reimbursement_reversals)::int AS reversals,
            (SELECT coalesce(sum(released_tiyn), 0)::text FROM freezes) AS released,
            (SELECT coalesce(sum(${NET_REIMBURSED_SQL}), 0)::text FROM reports p) AS reimbursed,
            (SELECT coalesce(sum(${FROZEN_SQL}), 0)::text FROM reports p) AS frozen`,
  );
  return counts;
}
