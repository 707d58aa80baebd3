import type { EntityManager } from 'typeorm';
import { isUuid, NotFoundProblem } from '@app/common';
import type { CaseStatus, FraudType, Priority, Region } from '@app/common';
import { queryOne } from '@app/database';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { ACTIVE_CASE_STATUSES } from '../workflow/case-transitions';

/** The columns of `cases` the workflow reads, as pg returns them. */
export interface CaseRow {
  id: string;
  number: string;
  region: Region;
  fraud_type: FraudType;
  status: CaseStatus;
  priority: Priority;
  assignee_id: string | null;
  first_claimed_at: Date | null;
  sla_due_at: Date;
  sla_breached_at: Date | null;
  merged_into_id: string | null;
  created_at: Date;
}

export const CASE_ROW_COLUMNS = `id, number, region, fraud_type, status, priority, assignee_id,
  first_claimed_at, sla_due_at, sla_breached_at, merged_into_id, created_at`;

/**
 * How long a loaded case row is held: `update` for changes to the case itself, `share` for
 * writes that hang off it (money), which a merge (FOR UPDATE on both cases) then waits for.
 */
export type CaseLock = 'update' | 'share' | 'none';

const LOCK_CLAUSE: Record<CaseLock, string> = {
  update: 'FOR UPDATE',
  share: 'FOR SHARE',
  none: '',
};

/** THE case loader: one row, optionally locked until the caller's transaction ends. */
export async function loadCase(
  manager: EntityManager,
  caseId: string,
  lock: CaseLock,
): Promise<CaseRow | undefined> {
  if (!isUuid(caseId)) return undefined;
  return queryOne<CaseRow>(
    manager,
    `SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE id = $1 ${LOCK_CLAUSE[lock]}`,
    [caseId],
  );
}

/** Loads and row-locks a case for the rest of the caller's transaction. */
export function lockCase(manager: EntityManager, caseId: string): Promise<CaseRow | undefined> {
  return loadCase(manager, caseId, 'update');
}

/** loadCase for a staff command: 404 for an unknown case, then the audited 403 out of region. */
export async function lockCaseInScope(
  manager: EntityManager,
  user: StaffPrincipal,
  caseId: string,
  lock: CaseLock = 'update',
): Promise<CaseRow> {
  const row = await loadCase(manager, caseId, lock);
  if (!row) throw new NotFoundProblem('Case');
  assertRegion(user, row.region, { type: 'case', id: caseId });
  return row;
}

/** An SLA timer to (re)arm after commit: the case is still waiting for its first claim. */
export interface SlaTimer {
  caseId: string;
  priority: Priority;
  dueAt: Date;
}

export function pendingSlaTimer(row: CaseRow): SlaTimer | null {
  if (row.first_claimed_at !== null || row.sla_breached_at !== null) return null;
  if (!ACTIVE_CASE_STATUSES.includes(row.status)) return null;
  return { caseId: row.id, priority: row.priority, dueAt: row.sla_due_at };
}
