import type { ReimbursementSource } from '@app/common';
import { money } from '../shared/money-view';
import type { ReimbursementView } from './reimbursements.dto';

/** Columns of a reimbursement with its reversal (aliases `r`, `v`). */
export const REIMBURSEMENT_COLUMNS = `r.id, r.case_id, r.report_id,
  r.amount_tiyn::text AS amount_tiyn, r.source, r.paid_at, r.created_by, r.created_at,
  v.reversed_at, v.reason AS reversal_reason, v.reversed_by`;

export interface ReimbursementRow {
  id: string;
  case_id: string;
  report_id: string;
  amount_tiyn: string;
  source: ReimbursementSource;
  paid_at: Date;
  created_by: string;
  created_at: Date;
  reversed_at: Date | null;
  reversal_reason: string | null;
  reversed_by: string | null;
}

export function toReimbursementView(row: ReimbursementRow): ReimbursementView {
  return {
    id: row.id,
    caseId: row.case_id,
    reportId: row.report_id,
    amount: money(row.amount_tiyn),
    source: row.source,
    paidAt: row.paid_at.toISOString(),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    reversed: row.reversed_at !== null,
    reversedAt: row.reversed_at?.toISOString() ?? null,
    reversalReason: row.reversal_reason,
    reversedBy: row.reversed_by,
  };
}
