import type { EntityManager } from 'typeorm';
import { Money, NotFoundProblem } from '@app/common';
import type { CaseStatus, CloseReason, FraudType, Priority, Region } from '@app/common';
import { queryOne } from '@app/database';
import type { CaseSummaryDto } from '../dtos/case-responses.dto';

/** A `cases` row with its assignee and report aggregates, as the summary queries return it. */
export interface CaseSummaryRow {
  id: string;
  number: string;
  region: Region;
  fraud_type: FraudType;
  status: CaseStatus;
  priority: Priority;
  assignee_id: string | null;
  assignee_name: string | null;
  report_count: number;
  loss_tiyn: string;
  created_at: Date;
  created_key: string;
  first_claimed_at: Date | null;
  sla_due_at: Date;
  sla_breached_at: Date | null;
  close_reason: CloseReason | null;
  agency: string | null;
  merged_into_id: string | null;
}

/** SELECT list and FROM clause of a summary row; `c` is the case. */
export const CASE_SUMMARY_FROM = `
  SELECT c.id, c.number, c.region, c.fraud_type, c.status, c.priority, c.assignee_id,
         u.full_name AS assignee_name, COALESCE(agg.report_count, 0) AS report_count,
         COALESCE(agg.loss_tiyn, 0)::text AS loss_tiyn,
         c.created_at, c.created_at::text AS created_key, c.first_claimed_at, c.sla_due_at,
         c.sla_breached_at, c.close_reason, c.agency, c.merged_into_id
    FROM cases c
    LEFT JOIN users u ON u.id = c.assignee_id
    -- Kept by triggers in the writes' transactions (migration CaseRollups): one row, not a
    -- count over the case's reports, whatever the case size.
    LEFT JOIN case_rollups agg ON agg.case_id = c.id`;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function toCaseSummary(row: CaseSummaryRow): CaseSummaryDto {
  return {
    id: row.id,
    number: row.number,
    region: row.region,
    fraudType: row.fraud_type,
    status: row.status,
    priority: row.priority,
    assignee:
      row.assignee_id === null ? null : { id: row.assignee_id, fullName: row.assignee_name ?? '' },
    reportCount: row.report_count,
    loss: Money.format(Money.fromDb(row.loss_tiyn)),
    createdAt: row.created_at.toISOString(),
    firstClaimedAt: iso(row.first_claimed_at),
    slaDueAt: row.sla_due_at.toISOString(),
    slaBreachedAt: iso(row.sla_breached_at),
    closeReason: row.close_reason,
    agency: row.agency,
    mergedIntoId: row.merged_into_id,
  };
}

/** The summary of one case (in the caller's transaction, so it sees uncommitted changes). */
export async function loadCaseSummary(
  manager: EntityManager,
  caseId: string,
): Promise<CaseSummaryDto> {
  const row = await queryOne<CaseSummaryRow>(manager, `${CASE_SUMMARY_FROM} WHERE c.id = $1`, [
    caseId,
  ]);
  if (!row) throw new NotFoundProblem('Case');
  return toCaseSummary(row);
}
