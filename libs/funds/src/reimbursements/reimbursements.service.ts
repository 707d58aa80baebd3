import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid, maskCardNumbersInText, Money, NotFoundProblem } from '@app/common';
import type { ReimbursementSource } from '@app/common';
import { StaffPrincipal } from '@app/identity';
import { queryOne as firstRow } from '@app/database';
import { loadWritableCase, lockOwningCase, lockReportOfCase } from '../shared/case-access';
import { FundsConflict, toLedgerProblem } from '../shared/funds.problems';
import { appendFundsEvent } from '../shared/timeline';
import { REIMBURSEMENT_COLUMNS, ReimbursementRow, toReimbursementView } from './reimbursement-rows';
import { CreateReimbursementDto, ReimbursementView } from './reimbursements.dto';

export interface NewReimbursement {
  caseId: string;
  reportId: string;
  amountTiyn: bigint;
  source: ReimbursementSource;
  paidAt: Date;
}

/** Reimbursements to victims and their reversals; keeps `reports.reimbursed_tiyn` in step. */
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
   * so "net reimbursed ≤ loss" is checked against the latest total; the CHECK on
   * `reports.reimbursed_tiyn` is the backstop.
   */
  async recordIn(
    m: EntityManager,
    user: StaffPrincipal,
    input: NewReimbursement,
  ): Promise<ReimbursementRow> {
    const report = await lockReportOfCase(m, input.reportId, input.caseId);
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
    await m.query('UPDATE reports SET reimbursed_tiyn = reimbursed_tiyn + $2 WHERE id = $1', [
      input.reportId,
      input.amountTiyn.toString(),
    ]);
    await appendFundsEvent(m, input.caseId, user.id, 'funds.reimbursement_recorded', {
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
        await m.query('SELECT id FROM reports WHERE id = $1 FOR UPDATE', [reportId]);
        const current = await this.load(m, id);
        if (current.reversed_at !== null) {
          throw new FundsConflict('already-reversed', 'The reimbursement is already reversed');
        }
        await m.query(
          `INSERT INTO reimbursement_reversals (reimbursement_id, reason, reversed_by)
           VALUES ($1, $2, $3)`,
          [id, reason, user.id],
        );
        await m.query('UPDATE reports SET reimbursed_tiyn = reimbursed_tiyn - $2 WHERE id = $1', [
          current.report_id,
          current.amount_tiyn,
        ]);
        await appendFundsEvent(m, current.case_id, user.id, 'funds.reimbursement_reversed', {
          reimbursementId: id,
          reportId: current.report_id,
          amount: Money.format(Money.fromDb(current.amount_tiyn)),
          reason,
        });
        return toReimbursementView(await this.load(m, id));
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
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
