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
  const linked = await linkReportsToCases(manager, [{ reportId, caseId, priority }]);
  return linked.length === 1;
}

/**
 * A triage batch: links several unlinked reports, each to its case, in one statement. Returns
 * the ids it linked; one missing means another run linked that report first.
 */
export async function linkReportsToCases(
  manager: EntityManager,
  links: readonly { reportId: string; caseId: string; priority: Priority }[],
): Promise<string[]> {
  if (links.length === 0) return [];
  const linked = await queryRows<{ id: string }>(
    manager,
    `UPDATE reports r SET case_id = u.case_id, priority = u.priority, triaged_at = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(id, case_id, priority)
      WHERE r.id = u.id AND r.case_id IS NULL
      RETURNING r.id`,
    [links.map((l) => l.reportId), links.map((l) => l.caseId), links.map((l) => l.priority)],
  );
  return linked.map((r) => r.id);
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
