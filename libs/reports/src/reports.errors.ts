import { ConflictProblem } from '@app/common';
import type { ProblemExtras } from '@app/common';

/** Codes of the reports 409s (problem `type` is `/problems/<code>`). */
export type ReportsConflictCode = 'evidence-limit' | 'transaction-limit';

export class ReportsConflict extends ConflictProblem {
  constructor(code: ReportsConflictCode, detail: string, extras: ProblemExtras = {}) {
    super(code, detail, extras);
  }
}
