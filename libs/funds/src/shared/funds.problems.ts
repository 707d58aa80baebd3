import { ConflictProblem, PgError, sqlState } from '@app/common';

/** Codes of the funds 409s (problem `type` is `/problems/<code>`). */
export type FundsConflictCode =
  | 'release-exceeds-frozen'
  | 'reimbursement-exceeds-loss'
  | 'already-reversed'
  | 'freeze-already-extended'
  | 'freeze-expired'
  | 'freeze-request-resolved'
  | 'report-not-in-case'
  | 'case-merged'
  | 'ledger-invariant';

export class FundsConflict extends ConflictProblem {
  constructor(code: FundsConflictCode, detail: string, extras: Record<string, unknown> = {}) {
    super(code, detail, extras);
  }
}

/**
 * The CHECK constraints are the backstop behind the row locks: should a writer ever get past
 * the service checks, PostgreSQL rejects the row (23514) and the client gets a 409, not a 500.
 */
export function toLedgerProblem(error: unknown): unknown {
  if (sqlState(error) === PgError.checkViolation) {
    return new FundsConflict('ledger-invariant', 'The change would break a ledger invariant');
  }
  return error;
}
