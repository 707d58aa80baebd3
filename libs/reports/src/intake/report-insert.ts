import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Report } from '../entities/report.entity';
import { OUTBOX_NOTIFY_CHANNEL, OUTBOX_TOPICS, triageOutboxPayload } from '../outbox/report-outbox';
import type { IdentifierRow, TransactionRow } from './report-rows';

/** The columns of `reports` intake writes, in the order of `reportValues`. */
const REPORT_COLUMNS = [
  'id',
  'reference',
  'access_code_hash',
  'submitted_at',
  'idempotency_key',
  'replay_access_code_enc',
  'idempotency_body_hash',
  'reporter_full_name',
  'reporter_iin_enc',
  'reporter_iin_bidx',
  'reporter_phone_enc',
  'reporter_phone_bidx',
  'reporter_email_enc',
  'region',
  'language',
  'age_group',
  'notify',
  'fraud_type',
  'channel',
  'occurred_at',
  'description',
  'loss_tiyn',
  'loan',
] as const;

const TRANSACTION_COLUMNS = [
  'id',
  'report_id',
  'position',
  'paid_at',
  'amount_tiyn',
  'method',
  'from_bank',
  'to_bank',
  'to_account_type',
  'to_account_value',
  'to_account_display',
] as const;

const IDENTIFIER_COLUMNS = [
  'id',
  'report_id',
  'type',
  'value',
  'display',
  'source',
  'reported_at',
] as const;

function reportValues(report: Report): unknown[] {
  return [
    report.id,
    report.reference,
    report.accessCodeHash,
    report.submittedAt,
    report.idempotencyKey,
    report.replayAccessCodeEnc,
    report.idempotencyBodyHash,
    report.reporterFullName,
    report.reporterIinEnc,
    report.reporterIinBidx,
    report.reporterPhoneEnc,
    report.reporterPhoneBidx,
    report.reporterEmailEnc,
    report.region,
    report.language,
    report.ageGroup,
    report.notify,
    report.fraudType,
    report.channel,
    report.occurredAt,
    report.description,
    report.lossTiyn.toString(),
    report.loan === null ? null : JSON.stringify(report.loan),
  ];
}

/** `($1, $2, …), (…)` for `rows` rows of `columns` values each, numbered from `first`. */
function placeholders(rows: number, columns: number, first: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c += 1) cells.push(`$${first + r * columns + c}`);
    tuples.push(`(${cells.join(', ')})`);
  }
  return tuples.join(', ');
}

/**
 * Statement texts by (transactions, identifiers) count: the few shapes a form produces are
 * built once, and pg sees the same text again (cheaper to build; the server parses it anyway).
 */
const statements = new Map<string, string>();

function statementFor(transactions: number, identifiers: number): string {
  const shape = `${transactions}:${identifiers}`;
  const cached = statements.get(shape);
  if (cached !== undefined) return cached;
  let next = REPORT_COLUMNS.length + 1;
  const parts = [
    `r AS (INSERT INTO reports (${REPORT_COLUMNS.join(', ')})
       VALUES ${placeholders(1, REPORT_COLUMNS.length, 1)})`,
  ];
  if (transactions > 0) {
    parts.push(`t AS (INSERT INTO report_transactions (${TRANSACTION_COLUMNS.join(', ')})
       VALUES ${placeholders(transactions, TRANSACTION_COLUMNS.length, next)})`);
    next += transactions * TRANSACTION_COLUMNS.length;
  }
  if (identifiers > 0) {
    parts.push(`i AS (INSERT INTO report_identifiers (${IDENTIFIER_COLUMNS.join(', ')})
       VALUES ${placeholders(identifiers, IDENTIFIER_COLUMNS.length, next)})`);
    next += identifiers * IDENTIFIER_COLUMNS.length;
  }
  parts.push(`o AS (INSERT INTO outbox (topic, aggregate_id, payload)
       VALUES ($${next}, $${next + 1}, $${next + 2}) RETURNING 1)`);
  // The notice is delivered at commit only, so the relay never wakes before the rows exist.
  const sql = `WITH ${parts.join(',\n')}
    SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM o`;
  statements.set(shape, sql);
  return sql;
}

/**
 * Writes a report, its transactions, its identifiers and its outbox row with one statement:
 * one round trip, atomic on its own (a statement commits or fails whole, so no BEGIN/COMMIT),
 * and constraint errors (the idempotency key's unique index) surface as from separate inserts.
 * The foreign keys of the child rows are checked at the end of the statement, when the report
 * row exists.
 */
export function reportInsertStatement(
  report: Report,
  transactions: readonly TransactionRow[],
  identifiers: readonly IdentifierRow[],
): { text: string; values: unknown[] } {
  const values = reportValues(report);
  for (const t of transactions) {
    values.push(
      randomUUID(),
      report.id,
      t.position,
      t.paidAt,
      t.amountTiyn.toString(),
      t.method,
      t.fromBank,
      t.toBank,
      t.toAccountType,
      t.toAccountValue,
      t.toAccountDisplay,
    );
  }
  for (const i of identifiers) {
    values.push(randomUUID(), report.id, i.type, i.value, i.display, i.source, report.submittedAt);
  }
  values.push(
    OUTBOX_TOPICS.reportSubmitted,
    report.id,
    JSON.stringify(triageOutboxPayload(report.id)),
  );
  return { text: statementFor(transactions.length, identifiers.length), values };
}

/** Runs `reportInsertStatement` on the API's connection pool. */
export async function insertReport(
  dataSource: DataSource,
  report: Report,
  transactions: readonly TransactionRow[],
  identifiers: readonly IdentifierRow[],
): Promise<void> {
  const { text, values } = reportInsertStatement(report, transactions, identifiers);
  await dataSource.query(text, values);
}
