import type { EntityManager } from 'typeorm';
import { isUuid, NotFoundProblem } from '@app/common';
import { lockCaseInScope, loadCase } from '@app/cases';
import type { CaseRow } from '@app/cases';
import { queryOne } from '@app/database';
import { assertRegion, StaffPrincipal } from '@app/identity';
import { lockReport } from '@app/reports';
import { FundsConflict } from './funds.problems';

export interface FundsCase {
  id: string;
  number: string;
  region: string;
  mergedIntoId: string | null;
}

function toFundsCase(row: CaseRow): FundsCase {
  return { id: row.id, number: row.number, region: row.region, mergedIntoId: row.merged_into_id };
}

/** 404 for an unknown (or malformed) id, 403 outside the caller's region. */
export async function loadCaseFor(
  manager: EntityManager,
  caseId: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  return toFundsCase(await lockCaseInScope(manager, user, caseId, 'none'));
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
  const found = toFundsCase(await lockCaseInScope(manager, user, caseId, 'share'));
  if (found.mergedIntoId !== null) {
    throw new FundsConflict('case-merged', `The case was merged into ${found.mergedIntoId}`, {
      mergedIntoId: found.mergedIntoId,
    });
  }
  return found;
}

/**
 * THE list of funds tables whose rows belong to a case: how a row is named in 404s and audit
 * rows, and the statement that moves a case's rows to the surviving case in a merge (written
 * out, so every write names its table). A new such table fails to compile until it has both.
 */
export const CASE_OWNED_TABLES = {
  freeze_requests: {
    type: 'freeze_request',
    label: 'Freeze request',
    moveSql: 'UPDATE freeze_requests SET case_id = $1 WHERE case_id = $2 RETURNING id',
  },
  freezes: {
    type: 'freeze',
    label: 'Freeze',
    moveSql: 'UPDATE freezes SET case_id = $1 WHERE case_id = $2 RETURNING id',
  },
  reimbursements: {
    type: 'reimbursement',
    label: 'Reimbursement',
    moveSql: 'UPDATE reimbursements SET case_id = $1 WHERE case_id = $2 RETURNING id',
  },
} as const;

type OwnedTable = keyof typeof CASE_OWNED_TABLES;

async function ownerOf(
  manager: EntityManager,
  table: OwnedTable,
  id: string,
): Promise<string | undefined> {
  const row = await queryOne<{ case_id: string }>(
    manager,
    `SELECT case_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return row?.case_id;
}

/**
 * For writes addressed by a funds row (release, extend, reverse, dismiss): locks the row's case
 * FOR SHARE before any other lock, as loadWritableCase does. The owner is read again under the
 * lock, because a merge that committed meanwhile moved the row to the surviving case, whose
 * lock is then taken instead. 404 for an unknown row, 403 outside the caller's region.
 */
export async function lockOwningCase(
  manager: EntityManager,
  table: OwnedTable,
  id: string,
  user: StaffPrincipal,
): Promise<FundsCase> {
  const { type, label } = CASE_OWNED_TABLES[table];
  if (!isUuid(id)) throw new NotFoundProblem(label);
  let owner = await ownerOf(manager, table, id);
  // Each retry needs another merge to commit in between: a handful is plenty.
  for (let attempt = 0; owner !== undefined && attempt < 5; attempt++) {
    const row = await loadCase(manager, owner, 'share');
    const current = await ownerOf(manager, table, id);
    if (row && current === owner) {
      assertRegion(user, row.region, { type, id });
      return toFundsCase(row);
    }
    owner = current;
  }
  if (owner === undefined) throw new NotFoundProblem(label);
  throw new FundsConflict('case-merged', 'The case was merged meanwhile; try again');
}

export interface ReportBalance {
  id: string;
  caseId: string | null;
  lossTiyn: bigint;
  /** Reimbursements of the report minus the reversed ones, from the ledger. */
  reimbursedTiyn: bigint;
}

/**
 * Locks the report row (reports' lockReport): every change of its reimbursed total goes
 * through this lock, so concurrent reimbursements of one report are checked against the
 * latest ledger. 404 for an unknown report, 409 when it is not in the case.
 */
export async function lockReportOfCase(
  manager: EntityManager,
  reportId: string,
  caseId: string,
): Promise<ReportBalance> {
  if (!isUuid(reportId)) throw new NotFoundProblem('Report');
  const report = await lockReport(manager, reportId);
  if (!report) throw new NotFoundProblem('Report');
  if (report.caseId !== caseId) {
    throw new FundsConflict('report-not-in-case', 'The report does not belong to this case', {
      reportId,
    });
  }
  return { ...report, reimbursedTiyn: await netReimbursed(manager, reportId) };
}

export async function netReimbursed(manager: EntityManager, reportId: string): Promise<bigint> {
  const row = await queryOne<{ net: string }>(
    manager,
    `SELECT coalesce(sum(r.amount_tiyn), 0)::text AS net FROM reimbursements r
      WHERE r.report_id = $1
        AND NOT EXISTS (SELECT 1 FROM reimbursement_reversals v WHERE v.reimbursement_id = r.id)`,
    [reportId],
  );
  return BigInt(row?.net ?? '0');
}
