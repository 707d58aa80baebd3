import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Money, NotFoundProblem, PiiService } from '@app/common';
import type {
  AgeGroup,
  Channel,
  FraudType,
  Language,
  PaymentMethod,
  Priority,
  Region,
  ReportStatus,
  SuspectType,
} from '@app/common';
import { AuditService } from '@app/audit';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import type { ReportLoan } from '@app/reports';
import { queryOne, queryRows } from '@app/database';
import type { StaffReportDto } from '../dtos/staff-report.dto';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';

interface ReportRow {
  id: string;
  reference: string;
  status: ReportStatus;
  submitted_at: Date;
  triaged_at: Date | null;
  priority: Priority | null;
  case_id: string | null;
  case_number: string | null;
  case_region: Region | null;
  reporter_full_name: string;
  reporter_iin_enc: string | null;
  reporter_phone_enc: string;
  reporter_email_enc: string | null;
  region: Region;
  language: Language;
  age_group: AgeGroup;
  fraud_type: FraudType;
  channel: Channel;
  occurred_at: Date;
  description: string;
  loss_tiyn: string;
  frozen_tiyn: string;
  reimbursed_tiyn: string;
  loan: ReportLoan | null;
}

interface TransactionRow {
  position: number;
  paid_at: Date;
  amount_tiyn: string;
  method: PaymentMethod;
  from_bank: string | null;
  to_bank: string | null;
  to_account_display: string | null;
}

const money = (tiyn: string) => Money.format(Money.fromDb(tiyn));

/**
 * The full report for staff. Access follows the case's region (the report's own region until
 * it is triaged); each read of decrypted personal data is written to the audit log.
 */
@Injectable()
export class StaffReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async get(user: StaffPrincipal, reference: string): Promise<StaffReportDto> {
    const manager = this.dataSource.manager;
    const r = await queryOne<ReportRow>(
      manager,
      `SELECT r.id, r.reference, ${REPORT_STATUS_SQL} AS status, r.submitted_at, r.triaged_at,
              r.priority, r.case_id, c.number AS case_number, c.region AS case_region,
              r.reporter_full_name, r.reporter_iin_enc, r.reporter_phone_enc, r.reporter_email_enc,
              r.region, r.language, r.age_group, r.fraud_type, r.channel, r.occurred_at,
              r.description, r.loss_tiyn::text AS loss_tiyn, ${REPORT_FROZEN_SQL} AS frozen_tiyn,
              ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn, r.loan
         FROM reports r ${REPORT_CASE_JOIN}
         ${reportMoneyJoin('SELECT id FROM reports WHERE reference = $1')}
        WHERE r.reference = $1`,
      [reference],
    );
    if (!r) throw new NotFoundProblem('Report');
    assertRegion(user, r.case_region ?? r.region, { type: 'report', id: r.id });
    const [transactions, suspects, statements, evidence] = await Promise.all([
      queryRows<TransactionRow>(
        manager,
        `SELECT position, paid_at, amount_tiyn::text AS amount_tiyn, method, from_bank, to_bank,
                to_account_display
           FROM report_transactions WHERE report_id = $1 ORDER BY position`,
        [r.id],
      ),
      queryRows<{ type: SuspectType; display: string; source: string }>(
        manager,
        'SELECT type, display, source FROM report_identifiers WHERE report_id = $1 ORDER BY type',
        [r.id],
      ),
      queryRows<{ text: string; created_at: Date }>(
        manager,
        'SELECT text, created_at FROM report_statements WHERE report_id = $1 ORDER BY created_at',
        [r.id],
      ),
      queryRows<{
        id: string;
        original_name: string;
        mime_type: string;
        size_bytes: number;
        sha256: string;
        created_at: Date;
      }>(
        manager,
        `SELECT id, original_name, mime_type, size_bytes, sha256, created_at
           FROM evidence WHERE report_id = $1 ORDER BY created_at`,
        [r.id],
      ),
    ]);
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: 'report.viewed',
      route: 'GET /api/v1/reports/:reference',
      targetType: 'report',
      targetId: r.id,
    });
    return {
      id: r.id,
      reference: r.reference,
      status: r.status,
      submittedAt: r.submitted_at.toISOString(),
      triagedAt: r.triaged_at?.toISOString() ?? null,
      priority: r.priority,
      caseId: r.case_id,
      caseNumber: r.case_number,
      reporter: {
        fullName: r.reporter_full_name,
        iin: r.reporter_iin_enc === null ? null : this.pii.decrypt(r.reporter_iin_enc),
        phone: this.pii.decrypt(r.reporter_phone_enc),
        email: r.reporter_email_enc === null ? null : this.pii.decrypt(r.reporter_email_enc),
        region: r.region,
        language: r.language,
        ageGroup: r.age_group,
      },
      incident: {
        fraudType: r.fraud_type,
        channel: r.channel,
        occurredAt: r.occurred_at.toISOString(),
        description: r.description,
      },
      loss: money(r.loss_tiyn),
      frozen: money(r.frozen_tiyn),
      reimbursed: money(r.reimbursed_tiyn),
      loan:
        r.loan === null
          ? null
          : {
              lender: r.loan.lender,
              contractNumber: r.loan.contractNumber,
              amount: money(r.loan.amountTiyn),
              issuedAt: r.loan.issuedAt,
            },
      transactions: transactions.map((t) => ({
        position: t.position,
        paidAt: t.paid_at.toISOString(),
        amount: money(t.amount_tiyn),
        method: t.method,
        fromBank: t.from_bank,
        toBank: t.to_bank,
        toAccount: t.to_account_display,
      })),
      suspects,
      statements: statements.map((s) => ({ text: s.text, createdAt: s.created_at.toISOString() })),
      evidence: evidence.map((e) => ({
        id: e.id,
        originalName: e.original_name,
        mimeType: e.mime_type,
        sizeBytes: e.size_bytes,
        sha256: e.sha256,
        createdAt: e.created_at.toISOString(),
      })),
    };
  }
}
