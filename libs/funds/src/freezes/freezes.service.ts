import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BadRequestProblem,
  isUuid,
  maskAccount,
  maskCardNumbersInText,
  Money,
  NotFoundProblem,
} from '@app/common';
import { appendCaseEvent, staffActor } from '@app/cases';
import { APP_CONFIG, AppConfig } from '@app/config';
import { assertRegion, regionScope, StaffPrincipal } from '@app/identity';
import { queryOne as firstRow, queryRows as rows } from '@app/database';
import { assertNotBefore, firstPaymentOfCase, firstPaymentOfReport } from '@app/reports';
import { addBusinessDays } from '../shared/blocking-period';
import { loadWritableCase, lockOwningCase, lockReportOfCase } from '../shared/case-access';
import { FundsConflict, toLedgerProblem } from '../shared/funds.problems';
import { CreateFreezeDto, ExtendFreezeDto, FreezeView, ListFreezesQuery } from './freezes.dto';
import { FREEZE_COLUMNS, FreezeRow, toFreezeView } from './freeze-rows';

interface PendingRequest {
  id: string;
  case_id: string;
  report_id: string;
  bank: string | null;
  account_display: string;
  status: string;
  paid_at: Date;
}

/** Recording freezes, extending their blocking period, and the expiring-soon list. */
@Injectable()
export class FreezesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(caseId: string, dto: CreateFreezeDto, user: StaffPrincipal): Promise<FreezeView> {
    try {
      return await this.dataSource.transaction((m) => this.createIn(m, caseId, dto, user));
    } catch (error) {
      throw toLedgerProblem(error);
    }
  }

  private async createIn(
    m: EntityManager,
    caseId: string,
    dto: CreateFreezeDto,
    user: StaffPrincipal,
  ): Promise<FreezeView> {
    // Lock order (docs/money.md): case → report → freeze request. A request's report never
    // changes, so it is read before the request is locked.
    await loadWritableCase(m, caseId, user);
    const amount = Money.parseAmount(dto.amount);
    const requestId = dto.freezeRequestId ?? null;
    const reportId =
      dto.reportId ??
      (requestId === null ? null : await this.reportOfRequest(m, requestId, caseId));
    if (reportId !== null) await lockReportOfCase(m, reportId, caseId);
    const request =
      requestId === null ? undefined : await this.lockPendingRequest(m, requestId, caseId);
    // Free text: a card number typed into it is stored masked (docs/contract.md).
    const bank = maskCardNumbersInText(dto.bank ?? request?.bank ?? 'unknown');
    const accountMasked = dto.account ? maskAccount(dto.account) : request?.account_display;
    if (accountMasked === undefined) {
      throw new BadRequestProblem('account is required unless freezeRequestId is given', [
        { field: 'account', message: 'required unless freezeRequestId is given' },
      ]);
    }
    const frozenAt = new Date(dto.frozenAt);
    await this.assertFrozenAfterPayment(m, frozenAt, caseId, reportId, request);
    const expiresAt = await addBusinessDays(
      m,
      frozenAt,
      this.config.freezeBlockingBusinessDays,
      this.config.reportingTimeZone,
    );
    const freeze = await firstRow<FreezeRow>(
      m,
      `INSERT INTO freezes AS f (case_id, report_id, freeze_request_id, bank, account_masked,
                                 amount_tiyn, frozen_at, stage, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING ${FREEZE_COLUMNS}`,
      [
        caseId,
        reportId,
        request?.id ?? null,
        bank,
        accountMasked,
        amount.toString(),
        frozenAt,
        dto.stage,
        expiresAt,
        user.id,
      ],
    );
    if (request) {
      await m.query(
        `UPDATE freeze_requests SET status = 'frozen', resolved_at = now(), resolved_by = $2,
                freeze_id = $3 WHERE id = $1`,
        [request.id, user.id, freeze!.id],
      );
    }
    await appendCaseEvent(m, caseId, staffActor(user.id), 'funds.freeze_recorded', {
      freezeId: freeze!.id,
      amount: Money.format(amount),
      stage: dto.stage,
      bank,
      account: accountMasked,
      reportId,
      freezeRequestId: request?.id ?? null,
    });
    return toFreezeView(freeze!);
  }

  /**
   * Money is frozen after it was paid (docs/money.md, "Dates"): not before the payment of the
   * freeze request, else the first payment of the report, else of the case's reports.
   */
  private async assertFrozenAfterPayment(
    m: EntityManager,
    frozenAt: Date,
    caseId: string,
    reportId: string | null,
    request: PendingRequest | undefined,
  ): Promise<void> {
    if (request) {
      assertNotBefore('frozenAt', frozenAt, request.paid_at, "the freeze request's payment");
    } else if (reportId !== null) {
      const paid = await firstPaymentOfReport(m, reportId);
      assertNotBefore('frozenAt', frozenAt, paid, "the report's first payment");
    } else {
      const paid = await firstPaymentOfCase(m, caseId);
      assertNotBefore('frozenAt', frozenAt, paid, "the first payment of the case's reports");
    }
  }

  private async reportOfRequest(
    m: EntityManager,
    requestId: string,
    caseId: string,
  ): Promise<string> {
    const request = await firstRow<{ case_id: string; report_id: string }>(
      m,
      'SELECT case_id, report_id FROM freeze_requests WHERE id = $1',
      [requestId],
    );
    if (!request || request.case_id !== caseId) throw new NotFoundProblem('Freeze request');
    return request.report_id;
  }

  private async lockPendingRequest(
    m: EntityManager,
    requestId: string,
    caseId: string,
  ): Promise<PendingRequest> {
    const request = await firstRow<PendingRequest>(
      m,
      `SELECT id, case_id, report_id, bank, account_display, status, paid_at
         FROM freeze_requests WHERE id = $1 FOR UPDATE`,
      [requestId],
    );
    if (!request || request.case_id !== caseId) throw new NotFoundProblem('Freeze request');
    if (request.status !== 'pending') {
      throw new FundsConflict(
        'freeze-request-resolved',
        `The request is already ${request.status}`,
      );
    }
    return request;
  }

  async extend(freezeId: string, dto: ExtendFreezeDto, user: StaffPrincipal): Promise<FreezeView> {
    const sanctionRef = maskCardNumbersInText(dto.sanctionRef); // free text: no full card numbers
    try {
      return await this.dataSource.transaction(async (m) => {
        await lockOwningCase(m, 'freezes', freezeId, user);
        const freeze = await this.lockFreeze(m, freezeId, user);
        if (freeze.extended_at !== null) {
          throw new FundsConflict('freeze-already-extended', 'A freeze can be extended only once');
        }
        if (freeze.expires_at.getTime() <= Date.now()) {
          throw new FundsConflict('freeze-expired', 'The blocking period has already ended');
        }
        const days = dto.days ?? this.config.freezeBlockingBusinessDays;
        const expiresAt = await addBusinessDays(
          m,
          freeze.expires_at,
          days,
          this.config.reportingTimeZone,
        );
        const updated = await firstRow<FreezeRow>(
          m,
          `UPDATE freezes AS f SET expires_at = $2, extended_at = now(), sanction_ref = $3
            WHERE f.id = $1 RETURNING ${FREEZE_COLUMNS}`,
          [freezeId, expiresAt, sanctionRef],
        );
        await appendCaseEvent(m, freeze.case_id, staffActor(user.id), 'funds.freeze_extended', {
          freezeId,
          sanctionRef,
          days,
          expiresAt: expiresAt.toISOString(),
        });
        return toFreezeView(updated!);
      });
    } catch (error) {
      throw toLedgerProblem(error);
    }
  }

  /**
   * The freeze row, locked for this transaction; 404 / 403 outside the caller's region. Its case
   * must be locked first (lockOwningCase), and its report too when the write touches one.
   */
  async lockFreeze(m: EntityManager, freezeId: string, user: StaffPrincipal): Promise<FreezeRow> {
    if (!isUuid(freezeId)) throw new NotFoundProblem('Freeze');
    const row = await firstRow<FreezeRow & { region: string }>(
      m,
      `SELECT ${FREEZE_COLUMNS}, c.region
         FROM freezes f JOIN cases c ON c.id = f.case_id
        WHERE f.id = $1 FOR UPDATE OF f`,
      [freezeId],
    );
    if (!row) throw new NotFoundProblem('Freeze');
    assertRegion(user, row.region, { type: 'freeze', id: freezeId });
    return row;
  }

  /**
   * Freezes of the caller's region; with `expiringWithinDays`, only those still holding money
   * whose blocking period ends within that many business days from now (the queue's warning).
   */
  async list(query: ListFreezesQuery, user: StaffPrincipal): Promise<{ items: FreezeView[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scope = regionScope(user);
    if (scope !== null) {
      params.push(scope);
      where.push(`c.region = $${params.length}`);
    }
    if (query.caseId) {
      params.push(query.caseId);
      where.push(`f.case_id = $${params.length}`);
    }
    if (query.expiringWithinDays !== undefined) {
      const until = await addBusinessDays(
        this.dataSource.manager,
        new Date(),
        query.expiringWithinDays,
        this.config.reportingTimeZone,
      );
      params.push(until);
      where.push(
        `f.expires_at > now() AND f.expires_at <= $${params.length}` +
          ' AND f.released_tiyn < f.amount_tiyn',
      );
    }
    params.push(query.limit ?? 100);
    const found = await rows<FreezeRow>(
      this.dataSource.manager,
      `SELECT ${FREEZE_COLUMNS} FROM freezes f JOIN cases c ON c.id = f.case_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY f.expires_at, f.id LIMIT $${params.length}`,
      params,
    );
    return { items: found.map(toFreezeView) };
  }
}
