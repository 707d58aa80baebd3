/**
 * Fixtures shared by the money and stats suites: reports with unique identifiers (so triage
 * opens one case per report unless told to link), their case (caseOf is in cases.ts), SQL.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FraudType, Region } from '@app/common';
import { caseOf } from './cases';
import { submitReport, SubmittedReport, validReportBody } from './reports';
import type { TestDeployment } from './test-app';

export interface ReportSpec {
  region?: Region;
  fraudType?: FraudType;
  /** Transaction amounts (decimal strings); each to its own fresh phone account. */
  amounts?: string[];
  /** A suspect phone to share with another report (links both into one case). */
  sharedPhone?: string;
  /** Hours before now the transactions were paid (≤ 72 makes the case P1). */
  paidHoursAgo?: number;
}

export const uniquePhone = (): string => `+7 707 ${randomInt(1_000_000, 9_999_999)}`;

export async function fileReport(
  d: TestDeployment,
  spec: ReportSpec = {},
): Promise<SubmittedReport> {
  const paidAt = new Date(Date.now() - (spec.paidHoursAgo ?? 1) * 3600_000).toISOString();
  return submitReport(
    d,
    validReportBody({
      reporter: { region: spec.region ?? 'almaty_city' },
      incident: { fraudType: spec.fraudType ?? 'online_purchase' },
      transactions: (spec.amounts ?? ['150000.00']).map((amount) => ({
        paidAt,
        amount,
        method: 'mobile_transfer',
        fromBank: 'Kaspi Bank',
        toBank: 'Halyk Bank',
        toAccount: uniquePhone(),
      })),
      suspects: [
        { type: 'phone', value: spec.sharedPhone ?? uniquePhone() },
        { type: 'url', value: `https://shop-${randomBytes(5).toString('hex')}.example.kz/` },
      ],
    }),
  );
}

export async function reportInCase(
  d: TestDeployment,
  spec: ReportSpec = {},
): Promise<{ report: SubmittedReport; caseId: string }> {
  const report = await fileReport(d, spec);
  return { report, caseId: await caseOf(d, report.id) };
}

export function sql<T = Record<string, unknown>>(
  d: TestDeployment,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return d.api.get(DataSource).query(text, params);
}
