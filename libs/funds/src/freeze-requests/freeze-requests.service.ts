import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid, maskCardNumbersInText, Money, NotFoundProblem } from '@app/common';
import { appendCaseEvent, staffActor } from '@app/cases';
import { APP_CONFIG, AppConfig } from '@app/config';
import { assertRegion, regionScope, StaffPrincipal } from '@app/identity';
import { queryOne as firstRow, queryRows as rows } from '@app/database';
import type { FreezeRequestStatus } from '../entities';
import { accountHasher } from '../shared/account-hash';
import { lockOwningCase } from '../shared/case-access';
import { FundsConflict } from '../shared/funds.problems';
import { money } from '../shared/money-view';
import { FreezeRequestView, ListFreezeRequestsQuery } from './freeze-requests.dto';

const REQUEST_COLUMNS = `q.id, q.case_id, c.number AS case_number, q.report_id, q.bank,
  q.account_display, q.amount_tiyn::text AS amount_tiyn, q.paid_at, q.status, q.created_at,
  q.resolved_at, q.resolved_by, q.dismiss_reason, q.freeze_id`;

interface RequestRow {
  id: string;
  case_id: string;
  case_number: string;
  report_id: string;
  bank: string | null;
  account_display: string;
  amount_tiyn: string;
  paid_at: Date;
  status: FreezeRequestStatus;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  dismiss_reason: string | null;
  freeze_id: string | null;
}

function toView(row: RequestRow): FreezeRequestView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    reportId: row.report_id,
    bank: row.bank,
    account: row.account_display,
    amount: money(row.amount_tiyn),
    paidAt: row.paid_at.toISOString(),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    dismissReason: row.dismiss_reason,
    freezeId: row.freeze_id,
  };
}

interface DestinationRow {
  transaction_id: string;
  to_bank: string | null;
  to_account_type: string;
  to_account_value: string;
  to_account_display: string | null;
  amount_tiyn: string;
  paid_at: Date;
}

export interface CreatedFreezeRequest {
  id: string;
  caseId: string;
  reportId: string;
  accountDisplay: string;
  amountTiyn: bigint;
}

/** Pending freeze requests for the destination accounts of P1 reports. */
@Injectable()
export class FreezeRequestsService {
  private readonly hashAccount: (type: string, value: string) => string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashAccount = accountHasher(config.secrets.piiKey);
  }

  /** Requests of the caller's region, oldest first; pending unless another status is asked. */
  async list(
    query: ListFreezeRequestsQuery,
    user: StaffPrincipal,
  ): Promise<{ items: FreezeRequestView[] }> {
    const params: unknown[] = [query.status ?? 'pending'];
    const where = ['q.status = $1'];
    const scope = regionScope(user);
    if (scope !== null) {
      params.push(scope);
      where.push(`c.region = $${params.length}`);
    }
    if (query.caseId) {
      params.push(query.caseId);
      where.push(`q.case_id = $${params.length}`);
    }
    params.push(query.limit ?? 100);
    const found = await rows<RequestRow>(
      this.dataSource.manager,
      `SELECT ${REQUEST_COLUMNS} FROM freeze_requests q JOIN cases c ON c.id = q.case_id
        WHERE ${where.join(' AND ')} ORDER BY q.created_at, q.id LIMIT $${params.length}`,
      params,
    );
    return { items: found.map(toView) };
  }

  async dismiss(id: string, text: string, user: StaffPrincipal): Promise<FreezeRequestView> {
    if (!isUuid(id)) throw new NotFoundProblem('Freeze request');
    const reason = maskCardNumbersInText(text); // free text: no full card number stored
    return this.dataSource.transaction(async (m) => {
      await lockOwningCase(m, 'freeze_requests', id, user); // lock order: case → request
      const found = await firstRow<RequestRow & { region: string }>(
        m,
        `SELECT ${REQUEST_COLUMNS}, c.region FROM freeze_requests q
           JOIN cases c ON c.id = q.case_id WHERE q.id = $1 FOR UPDATE OF q`,
        [id],
      );
      if (!found) throw new NotFoundProblem('Freeze request');
      assertRegion(user, found.region, { type: 'freeze_request', id });
      if (found.status !== 'pending') {
        throw new FundsConflict(
          'freeze-request-resolved',
          `The request is already ${found.status}`,
        );
      }
      await m.query(
        `UPDATE freeze_requests SET status = 'dismissed', resolved_at = now(), resolved_by = $2,
                dismiss_reason = $3 WHERE id = $1`,
        [id, user.id, reason],
      );
      await appendCaseEvent(
        m,
        found.case_id,
        staffActor(user.id),
        'funds.freeze_request_dismissed',
        {
          freezeRequestId: id,
          reason,
        },
      );
      const updated = await firstRow<RequestRow>(
        m,
        `SELECT ${REQUEST_COLUMNS} FROM freeze_requests q JOIN cases c ON c.id = q.case_id
          WHERE q.id = $1`,
        [id],
      );
      return toView(updated!);
    });
  }

  /**
   * Creates (or refreshes) one pending request per destination account of the report's
   * transactions, inside the caller's transaction. Idempotent: a retried triage, or a statement
   * adding transactions, updates the still-pending request of that account instead of adding
   * another; resolved requests are left alone.
   */
  async createForP1Report(
    manager: EntityManager,
    caseId: string,
    reportId: string,
  ): Promise<CreatedFreezeRequest[]> {
    const rows: DestinationRow[] = await manager.query(
      `SELECT id AS transaction_id, to_bank, to_account_type, to_account_value,
              to_account_display, amount_tiyn::text AS amount_tiyn, paid_at
         FROM report_transactions
        WHERE report_id = $1 AND to_account_value IS NOT NULL
        ORDER BY paid_at, position`,
      [reportId],
    );
    const byAccount = new Map<string, { latest: DestinationRow; amount: bigint }>();
    for (const row of rows) {
      const hash = this.hashAccount(row.to_account_type, row.to_account_value);
      const entry = byAccount.get(hash);
      const amount = Money.fromDb(row.amount_tiyn);
      // Rows come oldest first, so the last one seen is the latest payment to the account.
      byAccount.set(hash, { latest: row, amount: (entry?.amount ?? 0n) + amount });
    }
    const created: CreatedFreezeRequest[] = [];
    for (const [hash, { latest, amount }] of byAccount) {
      const result: Array<{ id: string }> = await manager.query(
        `INSERT INTO freeze_requests
           (case_id, report_id, transaction_id, bank, account_display, account_hash,
            amount_tiyn, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT uq_freeze_requests_report_id_account_hash DO UPDATE
           SET case_id = EXCLUDED.case_id, transaction_id = EXCLUDED.transaction_id,
               amount_tiyn = EXCLUDED.amount_tiyn, paid_at = EXCLUDED.paid_at
           WHERE freeze_requests.status = 'pending'
         RETURNING id`,
        [
          caseId,
          reportId,
          latest.transaction_id,
          latest.to_bank,
          latest.to_account_display ?? '****',
          hash,
          amount.toString(),
          latest.paid_at,
        ],
      );
      if (result.length > 0) {
        created.push({
          id: result[0].id,
          caseId,
          reportId,
          accountDisplay: latest.to_account_display ?? '****',
          amountTiyn: amount,
        });
      }
    }
    return created;
  }
}
