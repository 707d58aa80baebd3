import type { EntityManager } from 'typeorm';
import { BadRequestProblem } from '@app/common';
import { queryOne } from '@app/database';

/**
 * Lower bounds for the dates staff record against reports (docs/money.md, "Dates"): nothing is
 * frozen or paid back before the money left, and nobody is detained for a fraud before it
 * began. Reads `reports` and `report_transactions`, which this lib owns.
 */

// A report's money moment: its first payment; a report without payments (a loan taken in the
// victim's name) has its incident time instead.
const MONEY_MOMENT = `coalesce((SELECT min(t.paid_at) FROM report_transactions t
                                 WHERE t.report_id = r.id), r.occurred_at)`;

async function momentOf(manager: EntityManager, sql: string, id: string): Promise<Date | null> {
  const row = await queryOne<{ at: Date | null }>(manager, sql, [id]);
  return row?.at ?? null;
}

/** The first payment of the report (else its incident time); null for an unknown report. */
export function firstPaymentOfReport(manager: EntityManager, reportId: string) {
  return momentOf(manager, `SELECT ${MONEY_MOMENT} AS at FROM reports r WHERE r.id = $1`, reportId);
}

/** The earliest first payment (else incident time) among the case's reports. */
export function firstPaymentOfCase(manager: EntityManager, caseId: string) {
  return momentOf(
    manager,
    `SELECT min(${MONEY_MOMENT}) AS at FROM reports r WHERE r.case_id = $1`,
    caseId,
  );
}

/** The earliest moment any report of the case names: an incident time or a payment. */
export function firstIncidentOfCase(manager: EntityManager, caseId: string) {
  return momentOf(
    manager,
    `SELECT least(min(r.occurred_at), min(t.paid_at)) AS at
       FROM reports r LEFT JOIN report_transactions t ON t.report_id = r.id
      WHERE r.case_id = $1`,
    caseId,
  );
}

/**
 * 400 with a field error when `at` is before `bound` (`what` names the bound for the message).
 * The upper bound, not in the future, is the DTO's `@IsNotInFuture`.
 */
export function assertNotBefore(field: string, at: Date, bound: Date | null, what: string): void {
  if (bound === null || at.getTime() >= bound.getTime()) return;
  throw new BadRequestProblem(`${field} is before ${what}`, [
    { field, message: `must not be before ${bound.toISOString()} (${what})` },
  ]);
}
