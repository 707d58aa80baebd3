import type { EntityManager } from 'typeorm';
import type { Priority } from '@app/common';
import { queryOne, queryRows } from '@app/database';

/**
 * The writes other libs make to `reports`, which only this lib writes. Each runs in the
 * caller's transaction (its EntityManager), so a triage run, a merge or a ledger write stays
 * one atomic change. A report's status, frozen and reimbursed amounts are not stored: they are
 * derived from its case and the funds ledger where they are read.
 */

/** Triage: links an unlinked report to its case. False when another run linked it first. */
export async function linkReportToCase(
  manager: EntityManager,
  reportId: string,
  caseId: string,
  priority: Priority,
): Promise<boolean> {
  const linked = await queryRows(
    manager,
    `UPDATE reports SET case_id = $2, priority = $3, triaged_at = now()
      WHERE id = $1 AND case_id IS NULL RETURNING id`,
    [reportId, caseId, priority],
  );
  return linked.length === 1;
}

/** Triage again (a statement added payments): the report's own priority may change. */
export async function setReportPriority(
  manager: EntityManager,
  reportId: string,
  priority: Priority,
): Promise<void> {
  await queryRows(manager, 'UPDATE reports SET priority = $2 WHERE id = $1 RETURNING id', [
    reportId,
    priority,
  ]);
}

/** Merge: every report of one case moves to another; returns the ids moved. */
export async function moveCaseReports(
  manager: EntityManager,
  fromCaseId: string,
  toCaseId: string,
): Promise<string[]> {
  const moved = await queryRows<{ id: string }>(
    manager,
    'UPDATE reports SET case_id = $1 WHERE case_id = $2 RETURNING id',
    [toCaseId, fromCaseId],
  );
  return moved.map((r) => r.id);
}

export interface LockedReport {
  id: string;
  caseId: string | null;
  lossTiyn: bigint;
}

/**
 * Row-locks a report until the caller's transaction ends. Every change of money held against
 * a report (reimbursements, reversals, statements raising its loss) takes this lock first, so
 * each is checked against the latest figures. Undefined for an unknown report.
 */
export async function lockReport(
  manager: EntityManager,
  reportId: string,
): Promise<LockedReport | undefined> {
  const row = await queryOne<{ id: string; case_id: string | null; loss_tiyn: string }>(
    manager,
    'SELECT id, case_id, loss_tiyn::text AS loss_tiyn FROM reports WHERE id = $1 FOR UPDATE',
    [reportId],
  );
  return row && { id: row.id, caseId: row.case_id, lossTiyn: BigInt(row.loss_tiyn) };
}
