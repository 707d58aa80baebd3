import type { EntityManager } from 'typeorm';

/**
 * What cases need from the money ledger, which sits above cases (funds depends on cases, never
 * the reverse). Funds provides the implementation under CASE_MONEY; both calls run in the
 * caller's transaction, so a triage run or a merge stays one atomic change.
 */
export interface CaseMoneyPort {
  /** Triage linked a P1 report: one pending freeze request per destination account. */
  requestFreezes(manager: EntityManager, caseId: string, reportId: string): Promise<void>;
  /** Merge: every money row of `fromCaseId` moves to `toCaseId`; counts by table. */
  moveToCase(
    manager: EntityManager,
    fromCaseId: string,
    toCaseId: string,
  ): Promise<Record<string, number>>;
}

export const CASE_MONEY = Symbol('CASE_MONEY');
