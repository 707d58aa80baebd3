import { ConflictProblem } from '@app/common';
import type { ProblemExtras } from '@app/common';

/** Codes of the identity 409s (problem `type` is `/problems/<code>`). */
export type IdentityConflictCode = 'email-taken' | 'last-admin';

export class IdentityConflict extends ConflictProblem {
  constructor(code: IdentityConflictCode, detail: string, extras: ProblemExtras = {}) {
    super(code, detail, extras);
  }
}
