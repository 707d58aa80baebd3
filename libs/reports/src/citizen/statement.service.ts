import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { isRetryableDbError } from '@app/database';
import {
  BadRequestProblem,
  findCardNumbersInText,
  maskCardNumbersInText,
  Money,
  PiiService,
} from '@app/common';
import type { CreateStatementDto } from '../dtos/create-statement.dto';
import type { StatementCreatedDto } from '../dtos/report-responses.dto';
import { ReportTransaction } from '../entities/report-transaction.entity';
import { identifierRows, lossOf, statementParts, transactionRows } from '../intake/report-rows';
import { OUTBOX_TOPICS, writeTriageOutbox } from '../outbox/report-outbox';
import { ReportsConflict } from '../reports.errors';

/**
 * Transactions one report may hold, the report's own and its statements' together. It bounds
 * `reports.loss_tiyn` (bigint): 1,000 × 1,000,000,000,000.00 KZT + a loan of as much is
 * 1.001e17 tiyn, far below 2^63 − 1 ≈ 9.22e18 (docs/stats.md). Without it, statements at the
 * reference rate limit could push one report's loss out of range within a day.
 */
export const MAX_TRANSACTIONS_PER_REPORT = 1000;

/**
 * Information a citizen adds later. New transactions raise the report's loss; new
 * transactions or suspects (a card number in the text counts) put the report back on the
 * triage queue (through the outbox).
 */
@Injectable()
export class StatementService {
  private readonly logger = new Logger(StatementService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
  ) {}

  async add(reportId: string, dto: CreateStatementDto): Promise<StatementCreatedDto> {
    const text = dto.text?.trim() ?? '';
    const transactions = dto.transactions ?? [];
    const suspects = dto.suspects ?? [];
    if (text === '' && transactions.length === 0 && suspects.length === 0) {
      throw new BadRequestProblem('A statement needs text, transactions or suspects', [
        { field: 'text', message: 'text, transactions or suspects must be given' },
      ]);
    }
    const hashCard = (digits: string): string => this.pii.cardHash(digits);
    // A card typed into the text is stored masked and links as a card suspect (keyed hash).
    const textCards = findCardNumbersInText(text).map((c) => c.digits);
    const identifiers = identifierRows(suspects, transactions, hashCard, textCards);
    const storedText = maskCardNumbersInText(text);
    const statementId = randomUUID();
    const result = await this.inRetriedTransaction(async (em) => {
      // The row lock orders concurrent statements: positions and the loss stay consistent.
      await em.query('SELECT id FROM reports WHERE id = $1 FOR UPDATE', [reportId]);
      const [next]: Array<{ position: number }> = await em.query(
        `SELECT COALESCE(MAX(position) + 1, 0)::int AS position
           FROM report_transactions WHERE report_id = $1`,
        [reportId],
      );
      if (next.position + transactions.length > MAX_TRANSACTIONS_PER_REPORT) {
        throw new ReportsConflict(
          'transaction-limit',
          `A report holds at most ${MAX_TRANSACTIONS_PER_REPORT} transactions; it has ` +
            `${next.position}, so at most ${MAX_TRANSACTIONS_PER_REPORT - next.position} more fit`,
        );
      }
      const rows = transactionRows(transactions, next.position, hashCard);
      const added = lossOf(rows);
      const parts = statementParts(rows, suspects);
      const [statement]: Array<{ created_at: Date }> = await em.query(
        `INSERT INTO report_statements (id, report_id, text, transactions, suspects)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) RETURNING created_at`,
        [
          statementId,
          reportId,
          storedText,
          JSON.stringify(parts.transactions),
          JSON.stringify(parts.suspects),
        ],
      );
      if (rows.length > 0) {
        await em.insert(
          ReportTransaction,
          rows.map((t) => ({ ...t, id: randomUUID(), reportId })),
        );
      }
      let suspectsAdded = 0;
      for (const row of identifiers) {
        const inserted: unknown[] = await em.query(
          `INSERT INTO report_identifiers (report_id, type, value, display, source)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT ON CONSTRAINT uq_report_identifiers_report_id_type_value DO NOTHING
           RETURNING id`,
          [reportId, row.type, row.value, row.display, row.source],
        );
        suspectsAdded += inserted.length;
      }
      // An UPDATE answers [rows, rowCount] through TypeORM.
      const [[report]]: [Array<{ loss_tiyn: string }>, number] = await em.query(
        `UPDATE reports SET loss_tiyn = loss_tiyn + $2 WHERE id = $1 RETURNING loss_tiyn::text`,
        [reportId, added.toString()],
      );
      if (rows.length > 0 || suspectsAdded > 0) {
        await writeTriageOutbox(em, OUTBOX_TOPICS.statementAdded, reportId, statementId);
      }
      return {
        id: statementId,
        createdAt: statement.created_at.toISOString(),
        transactionsAdded: rows.length,
        suspectsAdded,
        loss: Money.format(Money.fromDb(report.loss_tiyn)),
      };
    });
    this.logger.log({ reportId, statementId }, 'statement added');
    return result;
  }

  /**
   * The statement holds the report's row lock while its identifiers touch the case's rollup rows
   * (triggers), and a triage run of the same case takes them the other way round: PostgreSQL
   * breaks such a deadlock by aborting one side. The whole transaction rolled back, so running
   * it again is safe; the citizen sees a 503 only if it keeps colliding.
   */
  private async inRetriedTransaction<T>(
    work: (em: EntityManager) => Promise<T>,
    attempts = 4,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isRetryableDbError(error) || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }
}
