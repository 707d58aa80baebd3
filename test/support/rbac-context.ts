/** Fixtures of the RBAC suite: fresh reports, cases and freeze requests per region. */
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, regionOf, Side } from './rbac-actors';
import { submitReport, SubmittedReport, validReportBody } from './reports';
import type { TestStaff } from './staff';
import { StaffClient, staffClient } from './staff-client';
import { eventually, TestDeployment } from './test-app';

export interface RbacContext {
  d: TestDeployment;
  staff: Record<Actor, TestStaff>;
  /** Token of the bootstrap admin. */
  adminToken: string;
  /** Memoises a fixture for the whole suite. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** A fresh citizen report whose reporter region is the side's region (unique suspects). */
  report(side: Side): Promise<SubmittedReport>;
  /** A fresh case of the side's region (a report, triaged by the worker into a case). */
  newCase(side: Side): Promise<{ caseId: string; report: SubmittedReport }>;
  /** A pending freeze request of a fresh P1 case of the side's region. */
  freezeRequestId(side: Side): Promise<string>;
  /** The shared case of the side's region (created on first use). */
  caseId(side: Side): Promise<string>;
  /** The API as the OWN-region investigator (or another actor), to build records. */
  as(actor: Actor | 'bootstrap-admin'): StaffClient;
}

/** Builds the fixture context of one RBAC test deployment. */
export function rbacContext(
  d: TestDeployment,
  staff: Record<Actor, TestStaff>,
  adminToken: string,
): RbacContext {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as Promise<T>;
  };
  const report = (side: Side) =>
    submitReport(
      d,
      validReportBody({
        reporter: { region: regionOf(side) },
        // Unique identifiers, so triage opens a new case instead of linking to an earlier one.
        // Paid an hour ago: P1, so triage also opens a freeze request for the account.
        transactions: [
          {
            paidAt: new Date(Date.now() - 3600_000).toISOString(),
            amount: '50000.00',
            method: 'mobile_transfer',
            fromBank: 'Kaspi Bank',
            toBank: 'Beeline',
            toAccount: `+7 707 ${randomInt(1_000_000, 9_999_999)}`,
          },
        ],
        suspects: [
          { type: 'phone', value: `+7 705 ${randomInt(1_000_000, 9_999_999)}` },
          { type: 'url', value: `https://rbac-${randomBytes(4).toString('hex')}.example.kz/` },
        ],
      }),
    );
  const newCase = async (side: Side) => {
    const submitted = await report(side);
    const caseId = await eventually(async () => {
      const rows = (await d.api
        .get(DataSource)
        .query('SELECT case_id FROM reports WHERE id = $1', [submitted.id])) as Array<{
        case_id: string | null;
      }>;
      return rows[0]?.case_id ?? null;
    }, 30_000);
    return { caseId, report: submitted };
  };
  const as = (actor: Actor | 'bootstrap-admin') =>
    actor === 'bootstrap-admin' ? staffClient(d, adminToken) : staff[actor].api;
  const freezeRequestId = async (side: Side) => {
    const { caseId } = await newCase(side);
    return eventually(async () => {
      const rows = (await d.api
        .get(DataSource)
        .query('SELECT id FROM freeze_requests WHERE case_id = $1', [caseId])) as Array<{
        id: string;
      }>;
      return rows[0]?.id ?? null;
    }, 30_000);
  };
  return {
    d,
    staff,
    adminToken,
    once,
    freezeRequestId,
    report,
    newCase,
    caseId: (side) => once(`case-${side}`, async () => (await newCase(side)).caseId),
    as,
  };
}
