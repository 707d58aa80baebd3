/**
 * The raw baseline of the intake scenario: `node:http` + `pg`, no framework, doing what
 * `POST /api/v1/reports` does to the database with the same SQL on the same schema and the
 * same crypto (PiiService from the same config, the same row builders as
 * ReportIntakeService): one autocommit statement for the reference, then one transaction with
 * the report, its transactions, its identifiers and the outbox row. It skips what a framework
 * and a public API add on top (DTO validation, rate limiting, metrics, request logging,
 * security headers, problem mapping): the gap to it is what those cost.
 *
 * Run by the harness as `node dist/tools/bench/baseline/raw-intake.js` with the API's
 * environment (PORT, DATABASE_URL, PII_ENCRYPTION_KEY, …). Not for production.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import {
  findCardNumbersInText,
  maskCardNumbersInText,
  normalizeKzPhone,
  parseIsoDateTime,
  PiiService,
} from '@app/common';
import { loadConfig } from '@app/config';
import { TRIAGE_JOB } from '@app/queue';
import type { CreateReportDto } from '../../../libs/reports/src/dtos/create-report.dto';
import { generateAccessCode } from '../../../libs/reports/src/intake/access-code';
import { formatReference, yearIn } from '../../../libs/reports/src/intake/reference-number';
import {
  identifierRows,
  lossOf,
  transactionRows,
} from '../../../libs/reports/src/intake/report-rows';

const config = loadConfig();
const pii = new PiiService(config);
// The API's pool size (libs/database data-source-options: max 20).
const pool = new Pool({ connectionString: config.databaseUrl, max: 20 });
pool.on('error', () => undefined);

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
  'fraud_type',
  'channel',
  'occurred_at',
  'description',
  'loss_tiyn',
  'loan',
];
const INSERT_REPORT = `INSERT INTO reports (${REPORT_COLUMNS.join(', ')}) VALUES (${REPORT_COLUMNS.map(
  (_c, i) => `$${i + 1}`,
).join(', ')})`;

function placeholders(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_r, r) =>
      `(${Array.from({ length: columns }, (_c, c) => `$${r * columns + c + 1}`).join(', ')})`,
  ).join(', ');
}

class BadRequest extends Error {}

/** Only what the rows need to be buildable; the API's full validation is not reproduced. */
function shapeOf(body: unknown): CreateReportDto {
  const dto = body as CreateReportDto;
  if (!dto?.reporter?.fullName || !dto.reporter.phone || !dto.reporter.region) {
    throw new BadRequest('reporter');
  }
  if (!dto.incident?.description || !dto.incident.occurredAt || dto.consent !== true) {
    throw new BadRequest('incident');
  }
  return dto;
}

async function submit(dto: CreateReportDto) {
  const phone = normalizeKzPhone(dto.reporter.phone);
  const occurredAt = parseIsoDateTime(dto.incident.occurredAt);
  if (phone === null || occurredAt === null) throw new BadRequest('phone or occurredAt');
  const accessCode = generateAccessCode();
  const hashCard = (digits: string) => pii.cardHash(digits);
  const transactions = transactionRows(dto.transactions ?? [], 0, hashCard);
  const textCards = findCardNumbersInText(dto.incident.description).map((c) => c.digits);
  const identifiers = identifierRows(
    dto.suspects ?? [],
    dto.transactions ?? [],
    hashCard,
    textCards,
  );
  const id = randomUUID();
  const submittedAt = new Date();
  const { reporter, incident } = dto;
  const year = yearIn(config.reportingTimeZone, submittedAt);
  const counter = await pool.query<{ last_value: number }>(
    `INSERT INTO reference_counters (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + 1
     RETURNING last_value`,
    [year],
  );
  const reference = formatReference(year, counter.rows[0].last_value);
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_REPORT, [
      id,
      reference,
      pii.hashAccessCode(accessCode),
      submittedAt,
      null,
      null,
      null,
      maskCardNumbersInText(reporter.fullName.trim()),
      reporter.iin ? pii.encrypt(reporter.iin) : null,
      reporter.iin ? pii.blindIndex('iin', reporter.iin) : null,
      pii.encrypt(phone),
      pii.blindIndex('phone', phone),
      reporter.email ? pii.encrypt(reporter.email.trim()) : null,
      reporter.region,
      reporter.language ?? 'ru',
      reporter.ageGroup ?? 'adult',
      incident.fraudType,
      incident.channel,
      occurredAt,
      maskCardNumbersInText(incident.description.trim()),
      lossOf(transactions).toString(),
      null,
    ]);
    if (transactions.length > 0) {
      const values = transactions.flatMap((t) => [
        randomUUID(),
        id,
        t.position,
        t.paidAt,
        t.amountTiyn.toString(),
        t.method,
        t.fromBank,
        t.toBank,
        t.toAccountType,
        t.toAccountValue,
        t.toAccountDisplay,
      ]);
      await client.query(
        `INSERT INTO report_transactions (id, report_id, position, paid_at, amount_tiyn, method,
           from_bank, to_bank, to_account_type, to_account_value, to_account_display)
         VALUES ${placeholders(transactions.length, 11)}`,
        values,
      );
    }
    if (identifiers.length > 0) {
      await client.query(
        `INSERT INTO report_identifiers (id, report_id, type, value, display, source)
         VALUES ${placeholders(identifiers.length, 6)}`,
        identifiers.flatMap((i) => [randomUUID(), id, i.type, i.value, i.display, i.source]),
      );
    }
    const data = { reportId: id };
    await client.query('INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3)', [
      'report.submitted',
      id,
      JSON.stringify({ ...data, jobId: TRIAGE_JOB.jobId(data) }),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { reference, accessCode, status: 'received', submittedAt: submittedAt.toISOString() };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/health/ready') {
    await pool.query('SELECT 1');
    return send(res, 200, { status: 'ok' });
  }
  if (req.method !== 'POST' || req.url !== '/api/v1/reports') return send(res, 404, {});
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let dto: CreateReportDto;
  try {
    dto = shapeOf(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    send(res, 202, await submit(dto));
  } catch (error) {
    if (error instanceof BadRequest || error instanceof SyntaxError) {
      return send(res, 400, { title: 'Bad request' });
    }
    throw error;
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, { title: 'Internal error' });
    else res.destroy();
  });
});
server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
server.listen(config.http.port, config.http.host);

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
