import type { EntityManager } from 'typeorm';
import { NotFoundProblem } from '@app/common';
import { assertRegion, StaffPrincipal } from '@app/identity';
import { FundsConflict } from './funds.problems';

export interface FundsCase {
  id: string;
  number: string;
  region: string;
  mergedIntoId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 for an unknown (or malformed) id, 403 outside the caller's region. */
export async function loadCaseFor(
  manager: EntityManager,
  caseId: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  if (!UUID.test(caseId)) throw new NotFoundProblem('Case');
  const rows: Array<{ id: string; number: string; region: string; merged_into_id: string | null }> =
    await manager.query('SELECT id, number, region, merged_into_id FROM cases WHERE id = $1', [
      caseId,
    ]);
  if (rows.length === 0) throw new NotFoundProblem('Case');
  const row = rows[0];
  assertRegion(user, row.region, { type: 'case', id: row.id });
  return { id: row.id, number: row.number, region: row.region, mergedIntoId: row.merged_into_id };
}

/** As loadCaseFor, and 409 when the case was merged away: money goes to the surviving case. */
export async function loadWritableCase(
  manager: EntityManager,
  caseId: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  const found = await loadCaseFor(manager, caseId, user);
  if (found.mergedIntoId !== null) {
    throw new FundsConflict('case-merged', `The case was merged into ${found.mergedIntoId}`, {
      mergedIntoId: found.mergedIntoId,
    });
  }
  return found;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface LockedReport {
  id: string;
  caseId: string | null;
  lossTiyn: bigint;
  reimbursedTiyn: bigint;
}

/**
 * Locks the report row (FOR UPDATE): every change of its reimbursed total goes through this
 * lock, so concurrent reimbursements of one report are checked against the latest total.
 * 404 for an unknown report, 409 when it is not in the case.
 */
export async function lockReportOfCase(
  manager: EntityManager,
  reportId: string,
  caseId: string,
): Promise<LockedReport> {
  if (!UUID.test(reportId)) throw new NotFoundProblem('Report');
  const rows: Array<{
    id: string;
    case_id: string | null;
    loss_tiyn: string;
    reimbursed_tiyn: string;
  }> = await manager.query(
    `SELECT id, case_id, loss_tiyn::text, reimbursed_tiyn::text
       FROM reports WHERE id = $1 FOR UPDATE`,
    [reportId],
  );
  if (rows.length === 0) throw new NotFoundProblem('Report');
  const row = rows[0];
  if (row.case_id !== caseId) {
    throw new FundsConflict('report-not-in-case', 'The report does not belong to this case', {
      reportId,
    });
  }
  return {
    id: row.id,
    caseId: row.case_id,
    lossTiyn: BigInt(row.loss_tiyn),
    reimbursedTiyn: BigInt(row.reimbursed_tiyn),
  };
}
