import type { EntityManager } from 'typeorm';
import { isUuid, NotFoundProblem } from '@app/common';
import { assertRegion, StaffPrincipal } from '@app/identity';
import { FundsConflict } from './funds.problems';

export interface FundsCase {
  id: string;
  number: string;
  region: string;
  mergedIntoId: string | null;
}

interface CaseRow {
  id: string;
  number: string;
  region: string;
  merged_into_id: string | null;
}

const CASE_COLUMNS = 'id, number, region, merged_into_id';

function toFundsCase(row: CaseRow): FundsCase {
  return { id: row.id, number: row.number, region: row.region, mergedIntoId: row.merged_into_id };
}

/** 404 for an unknown (or malformed) id, 403 outside the caller's region. */
export async function loadCaseFor(
  manager: EntityManager,
  caseId: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  if (!isUuid(caseId)) throw new NotFoundProblem('Case');
  const rows: CaseRow[] = await manager.query(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [
    caseId,
  ]);
  if (rows.length === 0) throw new NotFoundProblem('Case');
  assertRegion(user, rows[0].region, { type: 'case', id: rows[0].id });
  return toFundsCase(rows[0]);
}

/**
 * As loadCaseFor, with the case row locked FOR SHARE until commit: the first lock of every funds
 * write (docs/money.md, lock order). A merge locks both cases FOR UPDATE, so it waits for money
 * being written to the case, and money written after a merge finds the case merged: `409
 * case-merged` naming the surviving case, never a ledger row left on the merged-away case.
 */
export async function loadWritableCase(
  manager: EntityManager,
  caseId: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  if (!isUuid(caseId)) throw new NotFoundProblem('Case');
  const rows: CaseRow[] = await manager.query(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 FOR SHARE`,
    [caseId],
  );
  if (rows.length === 0) throw new NotFoundProblem('Case');
  const found = toFundsCase(rows[0]);
  assertRegion(user, found.region, { type: 'case', id: found.id });
  if (found.mergedIntoId !== null) {
    throw new FundsConflict('case-merged', `The case was merged into ${found.mergedIntoId}`, {
      mergedIntoId: found.mergedIntoId,
    });
  }
  return found;
}

/** Funds rows that belong to a case (and move to the surviving case in a merge). */
const OWNED = {
  freezes: { type: 'freeze', label: 'Freeze' },
  reimbursements: { type: 'reimbursement', label: 'Reimbursement' },
  freeze_requests: { type: 'freeze_request', label: 'Freeze request' },
} as const;

async function ownerOf(
  manager: EntityManager,
  table: keyof typeof OWNED,
  id: string,
): Promise<string | undefined> {
  const rows: Array<{ case_id: string }> = await manager.query(
    `SELECT case_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return rows[0]?.case_id;
}

/**
 * For writes addressed by a funds row (release, extend, reverse, dismiss): locks the row's case
 * FOR SHARE before any other lock, as loadWritableCase does. The owner is read again under the
 * lock, because a merge that committed meanwhile moved the row to the surviving case, whose
 * lock is then taken instead. 404 for an unknown row, 403 outside the caller's region.
 */
export async function lockOwningCase(
  manager: EntityManager,
  table: keyof typeof OWNED,
  id: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  const { type, label } = OWNED[table];
  if (!isUuid(id)) throw new NotFoundProblem(label);
  let owner = await ownerOf(manager, table, id);
  // Each retry needs another merge to commit in between: a handful is plenty.
  for (let attempt = 0; owner !== undefined && attempt < 5; attempt++) {
    const rows: CaseRow[] = await manager.query(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 FOR SHARE`,
      [owner],
    );
    const current = await ownerOf(manager, table, id);
    if (current === owner) {
      assertRegion(user, rows[0].region, { type, id });
      return toFundsCase(rows[0]);
    }
    owner = current;
  }
  if (owner === undefined) throw new NotFoundProblem(label);
  throw new FundsConflict('case-merged', 'The case was merged meanwhile; try again');
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
  if (!isUuid(reportId)) throw new NotFoundProblem('Report');
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
