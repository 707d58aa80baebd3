import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  isUniqueViolation,
  isUuid,
  maskCardNumbersInText,
  Money,
  NotFoundProblem,
} from '@app/common';
import type { ReimbursementSource } from '@app/common';
import { appendCaseEvent, staffActor } from '@app/cases';
import { StaffPrincipal } from '@app/identity';
import { assertNotBefore, firstPaymentOfReport, lockReport } from '@app/reports';
import { queryOne as firstRow } from '@app/database';
import { loadWritableCase, lockOwningCase, lockReportOfCase } from '../shared/case-access';
import { FundsConflict, toLedgerProblem } from '../shared/funds.problems';
import { REIMBURSEMENT_COLUMNS, ReimbursementRow, toReimbursementView } from './reimbursement-rows';
import { CreateReimbursementDto, ReimbursementView } from './reimbursements.dto';

export interface NewReimbursement {
  caseId: string;
  reportId: string;
  amountTiyn: bigint;
  source: ReimbursementSource;
  paidAt: Date;
}

/** Reimbursements to victims and their reversals; a report's net reimbursed is their sum. */
@Injectable()
export class ReimbursementsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    caseId: string,
    dto: CreateReimbursementDto,
    user: StaffPrincipal,
  ): Promise<ReimbursementView> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await loadWritableCase(m, caseId, user);
        const amountTiyn = Money.parseAmount(dto.amount);
        const row = await this.recordIn(m, user, {
          caseId,
          reportId: dto.reportId,
          amountTiyn,
          source: dto.source,
          paidAt: new Date(dto.paidAt),
        });
        return toReimbursementView(row);
      });
    } catch (error) {
      throw toLedgerProblem(error);
    }
  }

  /**
   * Records a reimbursement inside the caller's transaction. The report row is locked first,
   * so "net reimbursed ≤ loss" is checked against the latest ledger; a constraint trigger on
   * `reimbursements` is the backstop.
   */
  async recordIn(
    m: EntityManager,
    user: StaffPrincipal,
    input: NewReimbursement,
  ): Promise<ReimbursementRow> {
    const report = await lockReportOfCase(m, input.reportId, input.caseId);
    // Nothing is paid back before it was lost (docs/money.md, "Dates").
    assertNotBefore(
      'paidAt',
      input.paidAt,
      await firstPaymentOfReport(m, input.reportId),
      "the report's first payment",
    );
    const available = report.lossTiyn - report.reimbursedTiyn;
    if (input.amountTiyn > available) {
      throw new FundsConflict(
        'reimbursement-exceeds-loss',
        `Net reimbursed would exceed the report's loss: at most ${Money.format(available)} more`,
        { available: Money.format(available) },
      );
    }
    const row = await firstRow<ReimbursementRow>(
      m,
      `INSERT INTO reimbursements AS r (case_id, report_id, amount_tiyn, source, paid_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING r.id, r.case_id, r.report_id, r.amount_tiyn::text AS amount_tiyn, r.source,
                 r.paid_at, r.created_by, r.created_at, NULL::timestamptz AS reversed_at,
                 NULL::text AS reversal_reason, NULL::uuid AS reversed_by`,
      [
        input.caseId,
        input.reportId,
        input.amountTiyn.toString(),
        input.source,
        input.paidAt,
        user.id,
      ],
    );
    await appendCaseEvent(m, input.caseId, staffActor(user.id), 'funds.reimbursement_recorded', {
      reimbursementId: row!.id,
      reportId: input.reportId,
      amount: Money.format(input.amountTiyn),
      source: input.source,
    });
    return row!;
  }

  /** Marks a reimbursement reversed (once) and takes it out of the report's net total. */
  async reverse(id: string, text: string, user: StaffPrincipal): Promise<ReimbursementView> {
    if (!isUuid(id)) throw new NotFoundProblem('Reimbursement');
    const reason = maskCardNumbersInText(text); // free text: no full card number stored
    try {
      return await this.dataSource.transaction(async (m) => {
        // Lock order (docs/money.md): the case (404 / 403 here), then the report, the same
        // lock as recording: the report row serialises every change of its net total.
        await lockOwningCase(m, 'reimbursements', id, user);
        const { report_id: reportId } = await this.load(m, id);
        await lockReport(m, reportId);
        const current = await this.load(m, id);
        if (current.reversed_at !== null) {
          throw new FundsConflict('already-reversed', 'The reimbursement is already reversed');
        }
        await m.query(
          `INSERT INTO reimbursement_reversals (reimbursement_id, reason, reversed_by)
           VALUES ($1, $2, $3)`,
          [id, reason, user.id],
        );
        await appendCaseEvent(
          m,
          current.case_id,
          staffActor(user.id),
          'funds.reimbursement_reversed',
          {
            reimbursementId: id,
            reportId: current.report_id,
            amount: Money.format(Money.fromDb(current.amount_tiyn)),
            reason,
          },
        );
        return toReimbursementView(await this.load(m, id));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new FundsConflict('already-reversed', 'The reimbursement is already reversed');
      }
      throw toLedgerProblem(error);
    }
  }

  private async load(m: EntityManager, id: string): Promise<ReimbursementRow> {
    const row = await firstRow<ReimbursementRow>(
      m,
      `SELECT ${REIMBURSEMENT_COLUMNS} FROM reimbursements r
         LEFT JOIN reimbursement_reversals v ON v.reimbursement_id = r.id WHERE r.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundProblem('Reimbursement');
    return row;
  }
}
