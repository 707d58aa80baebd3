/**
 * Fixtures of the case suites: a deployment with its staff, reports whose identifiers no other
 * test uses (so triage opens a new case unless a test shares one on purpose), their cases.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ibanMod97, isValidIban } from '@app/common';
import { submitReport, SubmittedReport, validReportBody } from './reports';
import { createStaff, TestStaff } from './staff';
import { eventually, startDeployment, TestDeployment } from './test-app';

export const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();
/** A suspect's KZ mobile (+7 705 …) no other test uses. */
export const uniqueSuspectPhone = (): string => `+7 705 ${randomInt(1_000_000, 9_999_999)}`;
export const uniqueUrl = (): string => `https://ring-${randomBytes(4).toString('hex')}.example.kz/`;
/** A valid KZ IBAN no other test uses. */
export const uniqueIban = (): string => {
  const bban = `125KZT${randomInt(1e9, 1e10 - 1)}`;
  const check = String(98 - ibanMod97(`KZ00${bban}`)).padStart(2, '0');
  const iban = `KZ${check}${bban}`;
  if (!isValidIban(iban)) throw new Error(`bad test IBAN ${iban}`);
  return iban;
};

/** Waits for triage (the real worker) to put the report into a case. */
export function caseOf(d: TestDeployment, reportId: string): Promise<string> {
  return eventually(async () => {
    const rows: Array<{ case_id: string | null }> = await d.api
      .get(DataSource)
      .query('SELECT case_id FROM reports WHERE id = $1', [reportId]);
    return rows[0]?.case_id ?? null;
  }, 30_000);
}

/** A report with a unique phone and URL as suspects unless overridden; no loss by default (P4). */
export function ringReport(
  d: TestDeployment,
  overrides: Record<string, unknown> = {},
): Promise<SubmittedReport> {
  return submitReport(
    d,
    validReportBody({
      transactions: [],
      suspects: [
        { type: 'phone', value: uniqueSuspectPhone() },
        { type: 'url', value: uniqueUrl() },
      ],
      ...overrides,
    }),
  );
}

/** The case triage opens for a fresh ringReport. */
export async function newCase(
  d: TestDeployment,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return caseOf(d, (await ringReport(d, overrides)).id);
}

export interface CasesDeployment {
  d: TestDeployment;
  db: DataSource;
  /** Investigators of almaty_city. */
  investigator: TestStaff;
  colleague: TestStaff;
  /** Supervisor of almaty_city. */
  supervisor: TestStaff;
  /** Supervisor without a region. */
  national: TestStaff;
  /** Investigator of astana: another region. */
  stranger: TestStaff;
}

/** API and worker with public limits out of the way, and the staff the case suites act as. */
export async function startCasesDeployment(label: string): Promise<CasesDeployment> {
  const d = await startDeployment({
    label,
    worker: true,
    env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
  });
  return {
    d,
    db: d.api.get(DataSource),
    investigator: await createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    colleague: await createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    supervisor: await createStaff(d, { role: 'supervisor', region: 'almaty_city' }),
    national: await createStaff(d, { role: 'supervisor', region: null }),
    stranger: await createStaff(d, { role: 'investigator', region: 'astana' }),
  };
}
