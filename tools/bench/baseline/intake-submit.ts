/**
 * What both intake baselines do per report (tools/bench/baseline/raw-intake.ts on node:http,
 * nest-intake.ts on a bare NestJS app): the SQL, schema and crypto of `POST /api/v1/reports`
 * with none of the API's validation, limits, logging or headers. Not for production.
 */
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

export const config = loadConfig();
const pii = new PiiService(config);
// The API's pool size (libs/database data-source-options: max 20).
export const pool = new Pool({ connectionString: config.databaseUrl, max: 20 });
pool.on('error', () => undefined);

export class BadRequest extends Error {}

/** Only what the rows need to be buildable; the API's full validation is not reproduced. */
export function shapeOf(body: unknown): CreateReportDto {
  const dto = body as CreateReportDto;
  if (!dto?.reporter?.fullName || !dto.reporter.phone || !dto.reporter.region) {
    throw new BadRequest('reporter');
  }
  if (!dto.incident?.description || !dto.incident.occurredAt || dto.consent !== true) {
    throw new BadRequest('incident');
  }
  return dto;
}

export async function submit(dto: CreateReportDto) {
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
