import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { StaffPrincipal } from '@app/identity';
import { queryRows as rows } from '@app/database';
import { FREEZE_COLUMNS, FreezeRow, toFreezeView } from '../freezes/freeze-rows';
import {
  REIMBURSEMENT_COLUMNS,
  ReimbursementRow,
  toReimbursementView,
} from '../reimbursements/reimbursement-rows';
import { loadCaseFor } from '../shared/case-access';
import type { CaseFundsView, FundsFigures } from './funds-summary.dto';

export { CaseFundsView, FundsFigures, ReportFunds } from './funds-summary.dto';

interface Tally {
  loss: bigint;
  frozen: bigint;
  toVictims: bigint;
  toHolders: bigint;
  reimbursed: bigint;
}

const emptyTally = (): Tally => ({
  loss: 0n,
  frozen: 0n,
  toVictims: 0n,
  toHolders: 0n,
  reimbursed: 0n,
});

function figures(t: Tally): FundsFigures {
  const released = t.toVictims + t.toHolders;
  return {
    loss: Money.format(t.loss),
    frozen: Money.format(t.frozen),
    released: Money.format(released),
    releasedToVictims: Money.format(t.toVictims),
    releasedToHolders: Money.format(t.toHolders),
    held: Money.format(t.frozen - released),
    reimbursed: Money.format(t.reimbursed),
    outstandingLoss: Money.format(t.loss - t.reimbursed),
  };
}

/**
 * `GET /cases/{id}/funds`, computed from the ledger rows themselves (not the running totals on
 * `reports`), so it doubles as a check of those totals. Per report, a freeze and its releases
 * count for the report the freeze was recorded for.
 */
@Injectable()
export class FundsSummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCase(caseId: string, user: StaffPrincipal): Promise<CaseFundsView> {
    const m = this.dataSource.manager;
    const found = await loadCaseFor(m, caseId, user);
    // One snapshot for all four reads, so the figures agree with each other.
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const reports = await rows<{ id: string; reference: string; loss_tiyn: string }>(
        tx,
        `SELECT id, reference, loss_tiyn::text AS loss_tiyn FROM reports
          WHERE case_id = $1 ORDER BY submitted_at, id`,
        [caseId],
      );
      const freezes = await rows<FreezeRow>(
        tx,
        `SELECT ${FREEZE_COLUMNS} FROM freezes f WHERE f.case_id = $1 ORDER BY f.frozen_at, f.id`,
        [caseId],
      );
      const releases = await rows<{ freeze_id: string; recipient: string; amount_tiyn: string }>(
        tx,
        `SELECT l.freeze_id, l.recipient, l.amount_tiyn::text AS amount_tiyn
           FROM freeze_releases l JOIN freezes f ON f.id = l.freeze_id WHERE f.case_id = $1`,
        [caseId],
      );
      const reimbursements = await rows<ReimbursementRow>(
        tx,
        `SELECT ${REIMBURSEMENT_COLUMNS} FROM reimbursements r
           LEFT JOIN reimbursement_reversals v ON v.reimbursement_id = r.id
          WHERE r.case_id = $1 ORDER BY r.paid_at, r.id`,
        [caseId],
      );

      const total = emptyTally();
      const byReport = new Map<string, Tally>(reports.map((r) => [r.id, emptyTally()]));
      const tallyOf = (reportId: string | null): Tally | undefined =>
        reportId === null ? undefined : byReport.get(reportId);
      for (const r of reports) {
        const loss = Money.fromDb(r.loss_tiyn);
        total.loss += loss;
        byReport.get(r.id)!.loss = loss;
      }
      const freezeReport = new Map<string, string | null>();
      for (const f of freezes) {
        const amount = Money.fromDb(f.amount_tiyn);
        freezeReport.set(f.id, f.report_id);
        total.frozen += amount;
        const t = tallyOf(f.report_id);
        if (t) t.frozen += amount;
      }
      for (const l of releases) {
        const amount = Money.fromDb(l.amount_tiyn);
        const t = tallyOf(freezeReport.get(l.freeze_id) ?? null);
        for (const target of t ? [total, t] : [total]) {
          if (l.recipient === 'victim') target.toVictims += amount;
          else target.toHolders += amount;
        }
      }
      for (const r of reimbursements) {
        if (r.reversed_at !== null) continue;
        const amount = Money.fromDb(r.amount_tiyn);
        total.reimbursed += amount;
        const t = tallyOf(r.report_id);
        if (t) t.reimbursed += amount;
      }
      return {
        caseId,
        caseNumber: found.number,
        total: figures(total),
        reports: reports.map((r) => ({
          reportId: r.id,
          reference: r.reference,
          ...figures(byReport.get(r.id)!),
        })),
        freezes: freezes.map(toFreezeView),
        reimbursements: reimbursements.map(toReimbursementView),
      };
    });
  }

  /**
   * The `total` of `forCase` as sums in SQL, for the case detail: its cost does not grow with
   * the rows a pyramid case holds (forCase lists every report, freeze and reimbursement). The
   * caller has checked access. One statement, so the sums come from one snapshot.
   */
  async totalForCase(caseId: string): Promise<FundsFigures> {
    const [row] = await rows<{
      loss: string;
      frozen: string;
      to_victims: string;
      to_holders: string;
      reimbursed: string;
    }>(
      this.dataSource.manager,
      `SELECT
         (SELECT COALESCE(sum(loss_tiyn), 0) FROM reports WHERE case_id = $1)::text AS loss,
         (SELECT COALESCE(sum(amount_tiyn), 0) FROM freezes WHERE case_id = $1)::text AS frozen,
         (SELECT COALESCE(sum(l.amount_tiyn) FILTER (WHERE l.recipient = 'victim'), 0)
            FROM freeze_releases l JOIN freezes f ON f.id = l.freeze_id
           WHERE f.case_id = $1)::text AS to_victims,
         (SELECT COALESCE(sum(l.amount_tiyn) FILTER (WHERE l.recipient <> 'victim'), 0)
            FROM freeze_releases l JOIN freezes f ON f.id = l.freeze_id
           WHERE f.case_id = $1)::text AS to_holders,
         (SELECT COALESCE(sum(m.amount_tiyn), 0) FROM reimbursements m
           WHERE m.case_id = $1
             AND NOT EXISTS (SELECT 1 FROM reimbursement_reversals v
                              WHERE v.reimbursement_id = m.id))::text AS reimbursed`,
      [caseId],
    );
    return figures({
      loss: Money.fromDb(row.loss),
      frozen: Money.fromDb(row.frozen),
      toVictims: Money.fromDb(row.to_victims),
      toHolders: Money.fromDb(row.to_holders),
      reimbursed: Money.fromDb(row.reimbursed),
    });
  }
}
