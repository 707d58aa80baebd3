/**
 * What the signed-in person may do on a case page. The page renders an action only when this
 * says so: an action a role may not take is absent, not disabled (docs/console.md). The rules
 * mirror the API's guards (libs/cases, libs/funds, libs/takedowns, libs/loans); the API stays
 * the authority and answers 403/409 if the page and it ever disagree.
 */
import type { components } from '../../api/schema';

export type CaseDetail = components['schemas']['CaseDetailDto'];
export type CaseStatus = CaseDetail['status'];
export type Role = 'investigator' | 'supervisor' | 'admin';

export interface Actor {
  id: string;
  role: Role;
}

/** A body field `POST /cases/{id}/transition` needs for a target besides `to`. */
export type TransitionNeed = 'reason' | 'agency';

export interface TransitionOption {
  to: CaseStatus;
  needs?: TransitionNeed;
}

/**
 * What the transition DTO demands per target (docs/review.md: `closed` needs `reason`,
 * `referred` needs `agency`, either field with another target is a 400). It depends on the
 * target only, so it is a lookup, not a copy of the transition table.
 */
export const TRANSITION_NEEDS: Readonly<Partial<Record<CaseStatus, TransitionNeed>>> = {
  closed: 'reason',
  referred: 'agency',
};

export const ACTIVE_STATUSES: readonly CaseStatus[] = ['open', 'in_review', 'investigating'];

/** Statuses that refuse offender records (`409 offenders-not-allowed`). */
const NO_OFFENDERS: readonly CaseStatus[] = ['closed', 'referred'];

/**
 * The transition menu. `allowed` is the case's `allowedTransitions`: the API's transition table
 * evaluated for the caller's role and the case's status (libs/cases CASE_TRANSITIONS), so the
 * menu is driven by that data. On top, an investigator moves only a case they hold (the API
 * would answer `409 case-not-held`), and admins do not work cases.
 */
export function transitionMenu(
  allowed: readonly CaseStatus[],
  actor: Actor,
  assigneeId: string | null,
): TransitionOption[] {
  if (actor.role === 'admin') return [];
  if (actor.role === 'investigator' && assigneeId !== actor.id) return [];
  return allowed.map((to) => {
    const needs = TRANSITION_NEEDS[to];
    return needs ? { to, needs } : { to };
  });
}

export interface CaseAbilities {
  claim: boolean;
  assign: boolean;
  merge: boolean;
  /** Freeze, release, extend, dismiss a request, reimburse, reverse. */
  money: boolean;
  /** Takedowns, loan write-offs and their outcomes, setting the pyramid flag. */
  schemes: boolean;
  withdrawFlag: boolean;
  notes: boolean;
  offenders: boolean;
  transitions: TransitionOption[];
}

type CaseFacts = Pick<CaseDetail, 'status' | 'mergedIntoId' | 'allowedTransitions'> & {
  assignee: { id: string } | null;
};

/** Every action of the case page for this person on this case. */
export function caseAbilities(actor: Actor, c: CaseFacts): CaseAbilities {
  const worker = actor.role === 'investigator' || actor.role === 'supervisor';
  const live = c.mergedIntoId === null;
  const active = live && ACTIVE_STATUSES.includes(c.status);
  const supervisor = actor.role === 'supervisor';
  return {
    claim: actor.role === 'investigator' && active && c.assignee === null,
    assign: supervisor && active,
    merge: supervisor && active,
    money: worker && live,
    schemes: worker && live,
    withdrawFlag: supervisor && live,
    notes: worker,
    offenders: actor.role === 'investigator' && live && !NO_OFFENDERS.includes(c.status),
    transitions: live ? transitionMenu(c.allowedTransitions, actor, c.assignee?.id ?? null) : [],
  };
}
