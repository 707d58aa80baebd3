import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BadRequestProblem,
  ConflictProblem,
  decodeKeysetCursor,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  isUniqueViolation,
  isUuid,
  maskCardNumbersInOptionalText,
  maskCardNumbersInText,
  Money,
  NotFoundProblem,
  PgError,
  sqlState,
} from '@app/common';
import type { LoanWriteoffOutcome, Region } from '@app/common';
import { appendCaseEvent, lockCaseInScope, staffActor } from '@app/cases';
import { queryOne, queryRows } from '@app/database';
import { assertRegion, scopedRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { lockReport, normalizeReference } from '@app/reports';
import type { ReportLoan } from '@app/reports';
import type {
  CreateLoanWriteoffDto,
  ListLoanWriteoffsQuery,
  LoanWriteoffOutcomeDto,
  LoanWriteoffPage,
  LoanWriteoffView,
} from './loan-writeoffs.dto';

/** Codes of the loan write-off 409s (problem `type` is `/problems/<code>`). */
export type LoanConflictCode =
  | 'report-not-fake-loan'
  | 'report-not-triaged'
  | 'writeoff-exists'
  | 'outcome-already-recorded'
  | 'writeoff-exceeds-requested'
  | 'case-merged'
  | 'writeoff-invariant';

export class LoanConflict extends ConflictProblem {
  constructor(code: LoanConflictCode, detail: string, extras: Record<string, unknown> = {}) {
    super(code, detail, extras);
  }
}

export interface LoanWriteoffRow {
  id: string;
  report_id: string;
  reference: string;
  case_id: string;
  case_number: string;
  region: Region;
  lender: string;
  contract_number: string;
  requested_tiyn: string;
  requested_at: Date;
  requested_by: string;
  outcome: LoanWriteoffOutcome | null;
  outcome_at: Date | null;
  written_off_tiyn: string | null;
  outcome_note: string | null;
  cursor_at: string;
}

/** A write-off's case is its report's case: a merge that moves the report carries it along. */
export const WRITEOFF_FROM = `loan_writeoffs w JOIN reports r ON r.id = w.report_id
  JOIN cases c ON c.id = r.case_id`;

export const WRITEOFF_COLUMNS = `w.id, w.report_id, r.reference, c.id AS case_id,
  c.number AS case_number, c.region, w.lender, w.contract_number,
  w.requested_tiyn::text AS requested_tiyn, w.requested_at, w.requested_by, w.outcome,
  w.outcome_at, w.written_off_tiyn::text AS written_off_tiyn, w.outcome_note,
  w.requested_at::text AS cursor_at`;

/**
 * Loan write-offs (DESIGN "Takedowns, schemes and loans"): for a `fake_loan` report, a request
 * to the lender and its one outcome. Lock order as for money (docs/money.md): the report's case
 * FOR SHARE, then the report, then the write-off FOR UPDATE; the partial unique index and the
 * trigger `tg_loan_writeoffs_outcome_once` are the database's backstops.
 */
@Injectable()
export class LoanWriteoffsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    user: StaffPrincipal,
    referenceInput: string,
    dto: CreateLoanWriteoffDto,
  ): Promise<LoanWriteoffView> {
    const reference = normalizeReference(referenceInput);
    if (reference === null) throw new NotFoundProblem('Report');
    return this.write(async (m) => {
      const report = await queryOne<{
        id: string;
        case_id: string | null;
        fraud_type: string;
        loan: ReportLoan | null;
      }>(m, 'SELECT id, case_id, fraud_type, loan FROM reports WHERE reference = $1', [reference]);
      if (!report) throw new NotFoundProblem('Report');
      if (report.case_id === null) {
        throw new LoanConflict('report-not-triaged', 'The report is not linked to a case yet');
      }
      const kase = await lockCaseInScope(m, user, report.case_id, 'share');
      if (kase.merged_into_id !== null) {
        throw new LoanConflict('case-merged', 'The case was merged', {
          mergedIntoId: kase.merged_into_id,
        });
      }
      if (report.fraud_type !== 'fake_loan') {
        throw new LoanConflict('report-not-fake-loan', 'Loan write-offs are for fake_loan reports');
      }
      await lockReport(m, report.id);
      const lender = dto.lender?.trim() || report.loan?.lender;
      const contract = dto.contractNumber?.trim() || report.loan?.contractNumber || null;
      const amount =
        dto.amount !== undefined
          ? Money.parseAmount(dto.amount)
          : report.loan
            ? Money.fromDb(report.loan.amountTiyn)
            : null;
      const missing = [
        lender ? null : 'lender',
        contract ? null : 'contractNumber',
        amount !== null && amount > 0n ? null : 'amount',
      ].filter((f): f is string => f !== null);
      if (missing.length) {
        throw new BadRequestProblem(
          'the report does not give every field of the loan',
          missing.map((field) => ({
            field,
            message: 'required: the report does not give it',
          })),
        );
      }
      const live = await queryOne<{ id: string }>(
        m,
        `SELECT id FROM loan_writeoffs WHERE report_id = $1 AND outcome IS DISTINCT FROM 'refused'`,
        [report.id],
      );
      if (live) {
        throw new LoanConflict('writeoff-exists', 'A write-off is already requested or granted', {
          loanWriteoffId: live.id,
        });
      }
      const created = await queryOne<{ id: string }>(
        m,
        `INSERT INTO loan_writeoffs (report_id, lender, contract_number, requested_tiyn, requested_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          report.id,
          maskCardNumbersInText(lender!),
          maskCardNumbersInText(contract!),
          amount!.toString(),
          user.id,
        ],
      );
      await appendCaseEvent(m, report.case_id, staffActor(user.id), 'loan_writeoff.requested', {
        loanWriteoffId: created!.id,
        reportId: report.id,
        amount: Money.format(amount!),
      });
      return this.view(m, created!.id);
    });
  }

  async recordOutcome(
    user: StaffPrincipal,
    id: string,
    dto: LoanWriteoffOutcomeDto,
  ): Promise<LoanWriteoffView> {
    if (dto.outcome === 'refused' && dto.amount != null) {
      throw new BadRequestProblem('a refusal writes off no amount', [
        { field: 'amount', message: 'only for written_off' },
      ]);
    }
    return this.write(async (m) => {
      const found = isUuid(id)
        ? await queryOne<{ case_id: string; report_id: string }>(
            m,
            `SELECT r.case_id, w.report_id FROM loan_writeoffs w JOIN reports r ON r.id = w.report_id
              WHERE w.id = $1`,
            [id],
          )
        : undefined;
      if (!found) throw new NotFoundProblem('Loan write-off');
      await lockCaseInScope(m, user, found.case_id, 'share');
      await lockReport(m, found.report_id);
      const current = await queryOne<{
        outcome: string | null;
        requested_at: Date;
        requested_tiyn: string;
      }>(
        m,
        `SELECT outcome, requested_at, requested_tiyn::text AS requested_tiyn
           FROM loan_writeoffs WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (current!.outcome !== null) {
        throw new LoanConflict(
          'outcome-already-recorded',
          `The outcome is already recorded (${current!.outcome})`,
        );
      }
      const at = new Date(dto.at);
      if (at < current!.requested_at) {
        throw new BadRequestProblem('at is before the write-off was requested', [
          { field: 'at', message: `must not be before ${current!.requested_at.toISOString()}` },
        ]);
      }
      const requested = Money.fromDb(current!.requested_tiyn);
      const amount = dto.outcome === 'written_off' ? Money.parseAmount(dto.amount!) : null;
      if (amount !== null && amount > requested) {
        throw new LoanConflict('writeoff-exceeds-requested', 'More than the requested amount', {
          requested: Money.format(requested),
        });
      }
      await m.query(
        `UPDATE loan_writeoffs SET outcome = $2, outcome_at = $3, outcome_by = $4,
                written_off_tiyn = $5, outcome_note = $6 WHERE id = $1`,
        [
          id,
          dto.outcome,
          at,
          user.id,
          amount?.toString() ?? null,
          maskCardNumbersInOptionalText(dto.note?.trim() || null),
        ],
      );
      await appendCaseEvent(
        m,
        found.case_id,
        staffActor(user.id),
        'loan_writeoff.outcome_recorded',
        {
          loanWriteoffId: id,
          outcome: dto.outcome,
          at: at.toISOString(),
          amount: amount === null ? null : Money.format(amount),
        },
      );
      return this.view(m, id);
    });
  }

  async list(user: StaffPrincipal, query: ListLoanWriteoffsQuery): Promise<LoanWriteoffPage> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const region = scopedRegion(user, query.region);
    if (region !== null) where.push(`c.region = ${p(region)}`);
    if (query.status === 'requested') where.push('w.outcome IS NULL');
    else if (query.status !== undefined) where.push(`w.outcome = ${p(query.status)}`);
    if (query.cursor !== undefined) {
      const cursor = decodeKeysetCursor(query.cursor);
      where.push(`(w.requested_at, w.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::uuid)`);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await queryRows<LoanWriteoffRow>(
      this.dataSource.manager,
      `SELECT ${WRITEOFF_COLUMNS} FROM ${WRITEOFF_FROM}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY w.requested_at DESC, w.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    return keysetPage(rows, limit, toWriteoffView);
  }

  /** One write-off for a staff member of its case's region: 404 unknown, 403 elsewhere. */
  async loadInScope(m: EntityManager, user: StaffPrincipal, id: string): Promise<LoanWriteoffRow> {
    const row = isUuid(id)
      ? await queryOne<LoanWriteoffRow>(
          m,
          `SELECT ${WRITEOFF_COLUMNS} FROM ${WRITEOFF_FROM} WHERE w.id = $1`,
          [id],
        )
      : undefined;
    if (!row) throw new NotFoundProblem('Loan write-off');
    assertRegion(user, row.region, { type: 'loan_writeoff', id });
    return row;
  }

  /** The write-offs of one case's reports, for the case view (the caller checked its scope). */
  async ofCase(m: EntityManager, caseId: string): Promise<LoanWriteoffView[]> {
    const rows = await queryRows<LoanWriteoffRow>(
      m,
      `SELECT ${WRITEOFF_COLUMNS} FROM ${WRITEOFF_FROM} WHERE c.id = $1 ORDER BY w.requested_at, w.id`,
      [caseId],
    );
    return rows.map(toWriteoffView);
  }

  private async view(m: EntityManager, id: string): Promise<LoanWriteoffView> {
    const row = await queryOne<LoanWriteoffRow>(
      m,
      `SELECT ${WRITEOFF_COLUMNS} FROM ${WRITEOFF_FROM} WHERE w.id = $1`,
      [id],
    );
    return toWriteoffView(row!);
  }

  private async write<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new LoanConflict('writeoff-exists', 'A write-off is already requested or granted');
      }
      if (sqlState(error) === PgError.checkViolation) {
        throw new LoanConflict(
          'writeoff-invariant',
          'The change would break a write-off invariant',
        );
      }
      throw error;
    }
  }
}

export function toWriteoffView(row: LoanWriteoffRow): LoanWriteoffView {
  return {
    id: row.id,
    reportId: row.report_id,
    reference: row.reference,
    caseId: row.case_id,
    caseNumber: row.case_number,
    region: row.region,
    lender: row.lender,
    contractNumber: row.contract_number,
    amount: Money.format(Money.fromDb(row.requested_tiyn)),
    status: row.outcome ?? 'requested',
    requestedAt: row.requested_at.toISOString(),
    requestedBy: row.requested_by,
    outcomeAt: row.outcome_at?.toISOString() ?? null,
    writtenOffAmount:
      row.written_off_tiyn === null ? null : Money.format(Money.fromDb(row.written_off_tiyn)),
    outcomeNote: row.outcome_note,
  };
}
