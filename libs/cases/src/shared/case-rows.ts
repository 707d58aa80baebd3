import type { EntityManager } from 'typeorm';
import type { CaseStatus, FraudType, Priority, Region } from '@app/common';
import { ACTIVE_CASE_STATUSES } from '../workflow/case-transitions';
import { queryOne } from './sql';

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

/** Loads and row-locks a case for the rest of the caller's transaction. */
export async function lockCase(
  manager: EntityManager,
  caseId: string,
): Promise<CaseRow | undefined> {
  return queryOne<CaseRow>(
    manager,
    `SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
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
