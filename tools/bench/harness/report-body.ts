/**
 * Fresh, valid citizen reports for load: every call a new reporter phone and amount; the
 * suspect phone comes from a pool of `suspectPool` numbers, so triage links some reports into
 * existing cases as in real intake (shared identifiers) and opens new cases for the others.
 */
import { randomInt } from 'node:crypto';
import { CHANNELS, FRAUD_TYPES, REGIONS } from '@app/common';

const MOBILE_PREFIXES = ['701', '702', '705', '707', '747', '771', '775', '777', '778'];

const pick = <T>(values: readonly T[]): T => values[randomInt(values.length)];

function phone(n: number): string {
  const prefix = MOBILE_PREFIXES[n % MOBILE_PREFIXES.length];
  return `+7 ${prefix} ${String(n % 10_000_000).padStart(7, '0')}`;
}

export interface ReportBodyOptions {
  /** How many distinct suspect phones the reports share. */
  suspectPool?: number;
}

export function reportBody(options: ReportBodyOptions = {}): Record<string, unknown> {
  const pool = options.suspectPool ?? 5000;
  const occurred = new Date(Date.now() - randomInt(1, 72) * 3_600_000).toISOString();
  return {
    reporter: {
      fullName: 'Bench Citizen',
      phone: phone(randomInt(10_000_000)),
      region: pick(REGIONS),
    },
    incident: {
      fraudType: pick(FRAUD_TYPES),
      channel: pick(CHANNELS),
      occurredAt: occurred,
      description: 'Benchmark report: a seller took the money for a phone and stopped answering.',
    },
    transactions: [
      {
        paidAt: occurred,
        amount: `${randomInt(1000, 500_000)}.00`,
        method: 'bank_transfer',
      },
    ],
    suspects: [{ type: 'phone', value: phone(9_000_000 + randomInt(pool)) }],
    consent: true,
  };
}

/** The body as autocannon sends it. */
export const reportJson = (options?: ReportBodyOptions): string =>
  JSON.stringify(reportBody(options));
