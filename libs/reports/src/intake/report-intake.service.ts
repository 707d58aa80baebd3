import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Money, normalizeKzPhone, parseIsoDateTime, PiiService } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { CreateReportDto } from '../dtos/create-report.dto';
import type { SubmittedReportDto } from '../dtos/report-responses.dto';
import { Report, ReportLoan } from '../entities/report.entity';
import { ReportIdentifier } from '../entities/report-identifier.entity';
import { ReportTransaction } from '../entities/report-transaction.entity';
import { OUTBOX_TOPICS, writeTriageOutbox } from '../outbox/report-outbox';
import { generateAccessCode } from './access-code';
import { formatReference, yearIn } from './reference-number';
import { identifierRows, lossOf, transactionRows } from './report-rows';

export interface SubmitResult {
  body: SubmittedReportDto;
  /** True when an earlier request with the same Idempotency-Key created the report. */
  replayed: boolean;
}

const IDEMPOTENCY_CONSTRAINT = 'uq_reports_idempotency_key';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/**
 * Files a citizen report: the report, its transactions and identifiers and the outbox row that
 * triggers triage commit in one transaction. Nothing here touches Redis.
 */
@Injectable()
export class ReportIntakeService {
  private readonly logger = new Logger(ReportIntakeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(dto: CreateReportDto, idempotencyKey: string | null): Promise<SubmitResult> {
    if (idempotencyKey !== null) {
      const earlier = await this.replay(idempotencyKey);
      if (earlier) return earlier;
    }
    const accessCode = generateAccessCode();
    const report = this.draft(dto, accessCode, idempotencyKey);
    const hashCard = (digits: string): string => this.pii.cardHash(digits);
    const transactions = transactionRows(dto.transactions ?? [], 0, hashCard);
    const identifiers = identifierRows(dto.suspects ?? [], dto.transactions ?? [], hashCard);
    const loanTiyn = report.loan ? BigInt(report.loan.amountTiyn) : 0n;
    report.lossTiyn = lossOf(transactions, loanTiyn);
    try {
      await this.dataSource.transaction(async (em) => {
        report.reference = await this.nextReference(em, report.submittedAt);
        await em.insert(Report, report);
        if (transactions.length > 0) {
          await em.insert(
            ReportTransaction,
            transactions.map((t) => ({ ...t, id: randomUUID(), reportId: report.id })),
          );
        }
        if (identifiers.length > 0) {
          await em.insert(
            ReportIdentifier,
            identifiers.map((i) => ({ ...i, id: randomUUID(), reportId: report.id })),
          );
        }
        await writeTriageOutbox(em, OUTBOX_TOPICS.reportSubmitted, report.id);
      });
    } catch (error) {
      // A concurrent request with the same key won the race: answer as its replay.
      if (idempotencyKey !== null && isUniqueViolation(error, IDEMPOTENCY_CONSTRAINT)) {
        const earlier = await this.replay(idempotencyKey);
        if (earlier) return earlier;
      }
      throw error;
    }
    this.logger.log({ reference: report.reference, reportId: report.id }, 'report received');
    return {
      replayed: false,
      body: {
        reference: report.reference,
        accessCode,
        status: report.status,
        submittedAt: report.submittedAt.toISOString(),
      },
    };
  }

  private async replay(idempotencyKey: string): Promise<SubmitResult | null> {
    const earlier = await this.dataSource.getRepository(Report).findOne({
      where: { idempotencyKey },
      select: { id: true, reference: true, status: true, submittedAt: true },
    });
    if (!earlier) return null;
    return {
      replayed: true,
      body: {
        reference: earlier.reference,
        accessCode: null,
        status: earlier.status,
        submittedAt: earlier.submittedAt.toISOString(),
      },
    };
  }

  /** Per-year counter row, upserted in the report's transaction: it locks until commit. */
  private async nextReference(em: EntityManager, submittedAt: Date): Promise<string> {
    const year = yearIn(this.config.reportingTimeZone, submittedAt);
    const rows: Array<{ last_value: number }> = await em.query(
      `INSERT INTO reference_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return formatReference(year, rows[0].last_value);
  }

  private draft(dto: CreateReportDto, accessCode: string, idempotencyKey: string | null): Report {
    const { reporter, incident } = dto;
    const phone = normalizeKzPhone(reporter.phone) as string;
    const report = new Report();
    report.id = randomUUID();
    report.accessCodeHash = this.pii.hashAccessCode(accessCode);
    report.status = 'received';
    report.submittedAt = new Date();
    report.idempotencyKey = idempotencyKey;
    report.reporterFullName = reporter.fullName.trim();
    report.reporterIinEnc = reporter.iin ? this.pii.encrypt(reporter.iin) : null;
    report.reporterIinBidx = reporter.iin ? this.pii.blindIndex('iin', reporter.iin) : null;
    report.reporterPhoneEnc = this.pii.encrypt(phone);
    report.reporterPhoneBidx = this.pii.blindIndex('phone', phone);
    report.reporterEmailEnc = reporter.email ? this.pii.encrypt(reporter.email.trim()) : null;
    report.region = reporter.region;
    report.language = reporter.language ?? 'ru';
    report.ageGroup = reporter.ageGroup ?? 'adult';
    report.fraudType = incident.fraudType;
    report.channel = incident.channel;
    report.occurredAt = parseIsoDateTime(incident.occurredAt) as Date;
    report.description = incident.description.trim();
    report.loan = dto.loan ? this.loanOf(dto.loan) : null;
    return report;
  }

  private loanOf(loan: NonNullable<CreateReportDto['loan']>): ReportLoan {
    return {
      lender: loan.lender.trim(),
      contractNumber: loan.contractNumber?.trim() || null,
      amountTiyn: Money.parseAmount(loan.amount).toString(),
      issuedAt: (parseIsoDateTime(loan.issuedAt) as Date).toISOString(),
    };
  }
}
