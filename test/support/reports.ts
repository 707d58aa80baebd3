import { DataSource } from 'typeorm';
import { generateValidIin } from '@app/common';
import type { TestDeployment } from './test-app';

/** A JSON body; tests send it as-is, so overrides may hold deliberately wrong types. */
export type ReportBody = Record<string, unknown>;

const MERGED_OBJECTS = ['reporter', 'incident', 'loan'];

/** The reporter IIN of validReportBody, and the same IIN with a wrong control digit. */
export const VALID_IIN = generateValidIin(new Date(Date.UTC(1985, 4, 12)), 4, 1234);
export const BAD_IIN = VALID_IIN.slice(0, 11) + String((Number(VALID_IIN[11]) + 1) % 10);

export const hoursFromNow = (h: number): string =>
  new Date(Date.now() + h * 3600_000).toISOString();

/** One transaction of a report body: 1,000.00 by card two hours ago, unless overridden. */
export function reportTransaction(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { paidAt: hoursFromNow(-2), amount: '1000.00', method: 'card', ...overrides };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A complete, valid `POST /api/v1/reports` body: valid IIN and phone, one transaction paid an
 * hour ago to an IBAN, suspects including a phone and a card. Overrides replace top-level
 * fields; for `reporter`, `incident` and `loan` a plain object is merged into the default
 * (set a key to `undefined` to drop it).
 */
export function validReportBody(overrides: ReportBody = {}): ReportBody {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const dayAgo = new Date(Date.now() - 24 * 3600_000).toISOString();
  const base: ReportBody = {
    reporter: {
      fullName: 'Aigerim Nurlanovna Sarsenbayeva',
      iin: VALID_IIN,
      phone: '8 701 123 45 67',
      email: 'aigerim@example.kz',
      region: 'almaty_city',
      language: 'ru',
      ageGroup: 'adult',
    },
    incident: {
      fraudType: 'online_purchase',
      channel: 'marketplace',
      occurredAt: dayAgo,
      description: 'Paid for a phone advertised on a marketplace; the seller stopped answering.',
    },
    transactions: [
      {
        paidAt: hourAgo,
        amount: '150000.00',
        method: 'bank_transfer',
        fromBank: 'Kaspi Bank',
        toBank: 'Halyk Bank',
        toAccount: 'KZ86125KZT5004100100',
      },
    ],
    suspects: [
      { type: 'phone', value: '+7 (705) 555-12-34' },
      { type: 'card', value: '4111 1111 1111 1111' },
      { type: 'url', value: 'https://www.fake-shop.kz/item/1' },
    ],
    consent: true,
  };
  const body: ReportBody = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = body[key];
    body[key] =
      MERGED_OBJECTS.includes(key) && isPlainObject(current) && isPlainObject(value)
        ? { ...current, ...value }
        : value;
  }
  return body;
}

export interface SubmittedReport {
  reference: string;
  accessCode: string;
  id: string;
}

/** Files a report through the real API (expects 202) and looks its id up by reference. */
export async function submitReport(
  d: TestDeployment,
  body: ReportBody = validReportBody(),
): Promise<SubmittedReport> {
  const res = await d.http().post('/api/v1/reports').send(body);
  if (res.status !== 202) {
    throw new Error(`submitReport: expected 202, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const { reference, accessCode } = res.body as { reference: string; accessCode: string };
  const rows: Array<{ id: string }> = await d.api
    .get(DataSource)
    .query('SELECT id FROM reports WHERE reference = $1', [reference]);
  if (rows.length !== 1) throw new Error(`submitReport: report ${reference} not found`);
  return { reference, accessCode, id: rows[0].id };
}
