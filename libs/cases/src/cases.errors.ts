import { ConflictProblem } from '@app/common';
import type { ProblemExtras } from '@app/common';

/** Codes of the cases 409s (problem `type` is `/problems/<code>`): the lib's whole vocabulary. */
export type CasesConflictCode =
  | 'case-already-claimed'
  | 'case-merged'
  | 'case-not-active'
  | 'case-not-held'
  | 'flag-already-set'
  | 'merge-not-allowed'
  | 'no-region'
  | 'offenders-not-allowed'
  | 'transition-not-allowed';

export class CasesConflict extends ConflictProblem {
  constructor(code: CasesConflictCode, detail: string, extras: ProblemExtras = {}) {
    super(code, detail, extras);
  }
}
