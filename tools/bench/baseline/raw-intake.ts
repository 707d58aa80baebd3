/**
 * The raw baseline of the intake scenario: `node:http` + `pg`, no framework, doing what
 * `POST /api/v1/reports` does to the database with the same SQL on the same schema and the
 * same crypto (PiiService from the same config, the same row builders as
 * ReportIntakeService): one autocommit statement for the reference, then the API's own single
 * statement for the report, its transactions, its identifiers and the outbox row. It skips what a framework
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
import {
  findCardNumbersInText,
  maskCardNumbersInText,
  normalizeKzPhone,
  parseIsoDateTime,
  PiiService,
} from '@app/common';
import { loadConfig } from '@app/config';
import type { CreateReportDto } from '../../../libs/reports/src/dtos/create-report.dto';
import { generateAccessCode } from '../../../libs/reports/src/intake/access-code';
import { formatReference, yearIn } from '../../../libs/reports/src/intake/reference-number';
import { Report } from '../../../libs/reports/src/entities/report.entity';
import { reportInsertStatement } from '../../../libs/reports/src/intake/report-insert';
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
  // The API's entity only as a typed bag of column values: the statement builder reads fields.
  const report = Object.assign(new Report(), {
    id,
    reference,
    accessCodeHash: pii.hashAccessCode(accessCode),
    submittedAt,
    idempotencyKey: null,
    replayAccessCodeEnc: null,
    idempotencyBodyHash: null,
    reporterFullName: maskCardNumbersInText(reporter.fullName.trim()),
    reporterIinEnc: reporter.iin ? pii.encrypt(reporter.iin) : null,
    reporterIinBidx: reporter.iin ? pii.blindIndex('iin', reporter.iin) : null,
    reporterPhoneEnc: pii.encrypt(phone),
    reporterPhoneBidx: pii.blindIndex('phone', phone),
    reporterEmailEnc: reporter.email ? pii.encrypt(reporter.email.trim()) : null,
    region: reporter.region,
    language: reporter.language ?? 'ru',
    ageGroup: reporter.ageGroup ?? 'adult',
    notify: reporter.notify ?? (reporter.email ? 'email' : 'none'),
    fraudType: incident.fraudType,
    channel: incident.channel,
    occurredAt,
    description: maskCardNumbersInText(incident.description.trim()),
    lossTiyn: lossOf(transactions),
    loan: null,
  });
  // The very statement the API sends (libs/reports/src/intake/report-insert.ts): one round trip.
  const { text, values } = reportInsertStatement(report, transactions, identifiers);
  await pool.query(text, values);
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
