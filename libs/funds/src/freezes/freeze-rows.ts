import { Money } from '@app/common';
import type { FreezeStage } from '@app/common';
import { money } from '../shared/money-view';
import type { FreezeView } from './freezes.dto';

/** The columns every freeze query selects (alias `f`). */
export const FREEZE_COLUMNS = `f.id, f.case_id, f.report_id, f.freeze_request_id, f.bank,
  f.account_masked, f.amount_tiyn::text AS amount_tiyn, f.released_tiyn::text AS released_tiyn,
  f.frozen_at, f.stage, f.expires_at, f.extended_at, f.sanction_ref, f.created_by, f.created_at`;

export interface FreezeRow {
  id: string;
  case_id: string;
  report_id: string | null;
  freeze_request_id: string | null;
  bank: string;
  account_masked: string;
  amount_tiyn: string;
  released_tiyn: string;
  frozen_at: Date;
  stage: FreezeStage;
  expires_at: Date;
  extended_at: Date | null;
  sanction_ref: string | null;
  created_by: string;
  created_at: Date;
}

export function toFreezeView(row: FreezeRow): FreezeView {
  const amount = Money.fromDb(row.amount_tiyn);
  const released = Money.fromDb(row.released_tiyn);
  return {
    id: row.id,
    caseId: row.case_id,
    reportId: row.report_id,
    freezeRequestId: row.freeze_request_id,
    bank: row.bank,
    account: row.account_masked,
    amount: money(amount),
    released: money(released),
    remaining: money(amount - released),
    frozenAt: row.frozen_at.toISOString(),
    stage: row.stage,
    expiresAt: row.expires_at.toISOString(),
    extendedAt: row.extended_at?.toISOString() ?? null,
    sanctionRef: row.sanction_ref,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
