import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { DataSource } from 'typeorm';
import {
  findCardNumbersInText,
  FraudMetrics,
  isUniqueViolation,
  maskCardNumbersInOptionalText,
  maskCardNumbersInText,
  Money,
  normalizeKzPhone,
  parseIsoDateTime,
  PiiDecryptionError,
  PiiService,
} from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryOne } from '@app/database';
import type { CreateReportDto } from '../dtos/create-report.dto';
import type { SubmittedReportDto } from '../dtos/report-responses.dto';
import { Report, ReportLoan } from '../entities/report.entity';
import { generateAccessCode } from './access-code';
import {
  canonicalJson,
  IdempotencyKeyExpiredProblem,
  IdempotencyKeyReusedProblem,
} from './idempotency';
import { formatReference, yearIn } from './reference-number';
import { insertReport } from './report-insert';
import { identifierRows, lossOf, transactionRows } from './report-rows';

export interface SubmitResult {
  body: SubmittedReportDto;
  /** True when an earlier request with the same Idempotency-Key created the report. */
  replayed: boolean;
}

const IDEMPOTENCY_CONSTRAINT = 'uq_reports_idempotency_key';

/** What an Idempotency-Key carries into the submission. */
interface IdempotencyClaim {
  key: string;
  /** Keyed SHA-256 of the canonical body: a reused key with other data is a 422. */
  bodyHash: string;
}

interface EarlierSubmission {
  id: string;
  reference: string;
  submitted_at: Date;
  replay_access_code_enc: string | null;
  idempotency_body_hash: string | null;
  within_window: boolean;
}

/**
 * Files a citizen report: the report, its transactions and identifiers and the outbox row that
 * triggers triage commit in one statement (report-insert.ts). Nothing here touches Redis.
 */
@Injectable()
export class ReportIntakeService {
  private readonly logger = new Logger(ReportIntakeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: FraudMetrics,
    private readonly requestLog: PinoLogger,
  ) {}

  async submit(dto: CreateReportDto, idempotencyKey: string | null): Promise<SubmitResult> {
    const claim: IdempotencyClaim | null =
      idempotencyKey === null
        ? null
        : {
            key: idempotencyKey,
            bodyHash: this.pii.blindIndex('idempotency-body', canonicalJson(dto)),
          };
    if (claim !== null) {
      const earlier = await this.replay(claim);
      if (earlier) return earlier;
    }
    const accessCode = generateAccessCode();
    const report = this.draft(dto, accessCode, claim);
    const hashCard = (digits: string): string => this.pii.cardHash(digits);
    const transactions = transactionRows(dto.transactions ?? [], 0, hashCard);
    // A card typed into the description links like a suspect card (by its keyed hash only).
    const textCards = findCardNumbersInText(dto.incident.description).map((c) => c.digits);
    const identifiers = identifierRows(
      dto.suspects ?? [],
      dto.transactions ?? [],
      hashCard,
      textCards,
    );
    const loanTiyn = report.loan ? BigInt(report.loan.amountTiyn) : 0n;
    report.lossTiyn = lossOf(transactions, loanTiyn);
    // Before the transaction, on its own connection: concurrent submissions do not queue on the
    // counter row, and a submission that fails afterwards leaves a gap (references are unique,
    // not gap-free).
    report.reference = await this.allocateReference(report.submittedAt);
    try {
      await insertReport(this.dataSource, report, transactions, identifiers);
    } catch (error) {
      // A concurrent request with the same key won the race: answer as its replay.
      if (claim !== null && isUniqueViolation(error, IDEMPOTENCY_CONSTRAINT)) {
        const earlier = await this.replay(claim);
        if (earlier) return earlier;
      }
      throw error;
    }
    this.metrics.reportReceived();
    this.logReceived({ reference: report.reference, reportId: report.id });
    return {
      replayed: false,
      body: {
        reference: report.reference,
        accessCode,
        // Derived from the case once triage links it (docs/development.md); new: received.
        status: 'received',
        submittedAt: report.submittedAt.toISOString(),
      },
    };
  }

  /**
   * The first answer again for a known key: same reference, access code (decrypted) and time,
   * and the status that answer had. Null for an unknown key. A key whose replay window has
   * passed is a 409 (and its row is wiped now, not only by the sweep); the same key with other
   * data is a 422.
   */
  private async replay(claim: IdempotencyClaim): Promise<SubmitResult | null> {
    const hours = this.config.idempotencyReplayHours;
    const earlier = await queryOne<EarlierSubmission>(
      this.dataSource.manager,
      `SELECT id, reference, submitted_at, replay_access_code_enc, idempotency_body_hash,
              submitted_at > now() - make_interval(hours => $2) AS within_window
         FROM reports WHERE idempotency_key = $1`,
      [claim.key, hours],
    );
    if (!earlier) return null;
    const accessCode =
      earlier.within_window && earlier.replay_access_code_enc !== null
        ? this.decryptReplayCode(earlier.id, earlier.replay_access_code_enc)
        : null;
    if (accessCode === null) {
      if (earlier.replay_access_code_enc !== null || earlier.idempotency_body_hash !== null) {
        await this.dataSource.query(
          `UPDATE reports SET replay_access_code_enc = NULL, idempotency_body_hash = NULL
            WHERE id = $1`,
          [earlier.id],
        );
      }
      this.logger.log({ reference: earlier.reference }, 'idempotency key expired');
      throw new IdempotencyKeyExpiredProblem(hours);
    }
    if (earlier.idempotency_body_hash !== claim.bodyHash) {
      this.logger.log({ reference: earlier.reference }, 'idempotency key reused with other data');
      throw new IdempotencyKeyReusedProblem();
    }
    this.logger.log({ reference: earlier.reference, reportId: earlier.id }, 'report replayed');
    return {
      replayed: true,
      body: {
        reference: earlier.reference,
        accessCode,
        // The status of the first answer: the report may have moved on since.
        status: 'received',
        submittedAt: earlier.submitted_at.toISOString(),
      },
    };
  }

  /** Null when no configured key opens it (a PII key retired since): treated as expired. */
  private decryptReplayCode(reportId: string, token: string): string | null {
    try {
      return this.pii.decrypt(token);
    } catch (error) {
      if (!(error instanceof PiiDecryptionError)) throw error;
      this.logger.warn({ reportId }, 'replay access code cannot be decrypted; treated as expired');
      return null;
    }
  }

  /**
   * One log line per report: in an HTTP request its own "request completed" line names the
   * report; called outside one (a script filing reports through the service), a line of its own.
   */
  private logReceived(fields: { reference: string; reportId: string }): void {
    if (storage.getStore()) this.requestLog.assign(fields);
    else this.logger.log(fields, 'report received');
  }

  /**
   * Next per-year number, in its own autocommit statement (`DataSource.query` takes a pooled
   * connection and gives it back at once): the counter row is locked only for this statement.
   */
  private async allocateReference(submittedAt: Date): Promise<string> {
    const year = yearIn(this.config.reportingTimeZone, submittedAt);
    const rows: Array<{ last_value: number }> = await this.dataSource.query(
      `INSERT INTO reference_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return formatReference(year, rows[0].last_value);
  }

  private draft(dto: CreateReportDto, accessCode: string, claim: IdempotencyClaim | null): Report {
    const { reporter, incident } = dto;
    const phone = normalizeKzPhone(reporter.phone) as string;
    const report = new Report();
    report.id = randomUUID();
    report.accessCodeHash = this.pii.hashAccessCode(accessCode);
    report.submittedAt = new Date();
    report.idempotencyKey = claim?.key ?? null;
    // Only with a key, and only encrypted: what lets a retry give the citizen the code again.
    report.replayAccessCodeEnc = claim === null ? null : this.pii.encrypt(accessCode);
    report.idempotencyBodyHash = claim?.bodyHash ?? null;
    // Free text never keeps a full card number (docs/contract.md): masked to its last four digits.
    report.reporterFullName = maskCardNumbersInText(reporter.fullName.trim());
    report.reporterIinEnc = reporter.iin ? this.pii.encrypt(reporter.iin) : null;
    report.reporterIinBidx = reporter.iin ? this.pii.blindIndex('iin', reporter.iin) : null;
    report.reporterPhoneEnc = this.pii.encrypt(phone);
    report.reporterPhoneBidx = this.pii.blindIndex('phone', phone);
    report.reporterEmailEnc = reporter.email ? this.pii.encrypt(reporter.email.trim()) : null;
    report.region = reporter.region;
    report.language = reporter.language ?? 'ru';
    report.ageGroup = reporter.ageGroup ?? 'adult';
    report.notify = reporter.notify ?? (report.reporterEmailEnc === null ? 'none' : 'email');
    report.fraudType = incident.fraudType;
    report.channel = incident.channel;
    report.occurredAt = parseIsoDateTime(incident.occurredAt) as Date;
    report.description = maskCardNumbersInText(incident.description.trim());
    report.loan = dto.loan ? this.loanOf(dto.loan) : null;
    return report;
  }

  private loanOf(loan: NonNullable<CreateReportDto['loan']>): ReportLoan {
    return {
      lender: maskCardNumbersInText(loan.lender.trim()),
      contractNumber: maskCardNumbersInOptionalText(loan.contractNumber?.trim() || null),
      amountTiyn: Money.parseAmount(loan.amount).toString(),
      issuedAt: (parseIsoDateTime(loan.issuedAt) as Date).toISOString(),
    };
  }
}
