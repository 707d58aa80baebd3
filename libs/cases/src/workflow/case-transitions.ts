import type { CaseStatus, ReportStatus, Role } from '@app/common';

/** How a transition is requested: claim/assign (implicit), `POST /transition`, or a reopen. */
export type TransitionAction = 'claim' | 'transition' | 'reopen';

/** What a transition needs in the request body besides `to`. */
export type TransitionRequirement = 'reason' | 'agency';

export interface CaseTransitionRule {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly action: TransitionAction;
  /** Roles that may perform it; investigators additionally only on cases they hold. */
  readonly roles: readonly Role[];
  readonly requires?: TransitionRequirement;
}

const STAFF: readonly Role[] = ['investigator', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

/**
 * THE case workflow (docs/contract.md "Statuses and allowed transitions"). The service, the tests and
 * docs/review.md all read this constant; a pair that is not listed is a 409.
 */
export const CASE_TRANSITIONS: readonly CaseTransitionRule[] = [
  { from: 'open', to: 'in_review', action: 'claim', roles: STAFF },
  { from: 'open', to: 'closed', action: 'transition', roles: SUPERVISOR, requires: 'reason' },
  { from: 'in_review', to: 'investigating', action: 'transition', roles: STAFF },
  { from: 'in_review', to: 'closed', action: 'transition', roles: STAFF, requires: 'reason' },
  { from: 'in_review', to: 'referred', action: 'transition', roles: STAFF, requires: 'agency' },
  { from: 'investigating', to: 'solved', action: 'transition', roles: STAFF },
  { from: 'investigating', to: 'closed', action: 'transition', roles: STAFF, requires: 'reason' },
  { from: 'solved', to: 'in_review', action: 'reopen', roles: SUPERVISOR },
  { from: 'closed', to: 'in_review', action: 'reopen', roles: SUPERVISOR },
  { from: 'referred', to: 'in_review', action: 'reopen', roles: SUPERVISOR },
];

/** Terminal until a supervisor reopens: nothing links to them and nobody claims them. */
export const TERMINAL_CASE_STATUSES: readonly CaseStatus[] = ['solved', 'closed', 'referred'];

/** Statuses a case can be claimed, linked to and breach its SLA in. */
export const ACTIVE_CASE_STATUSES: readonly CaseStatus[] = ['open', 'in_review', 'investigating'];

export function isTerminal(status: CaseStatus): boolean {
  return TERMINAL_CASE_STATUSES.includes(status);
}

/** The rule `POST /cases/{id}/transition` may apply for this pair, if any. */
export function findTransition(from: CaseStatus, to: CaseStatus): CaseTransitionRule | undefined {
  return CASE_TRANSITIONS.find(
    (rule) => rule.from === from && rule.to === to && rule.action !== 'claim',
  );
}

/** Targets `POST /cases/{id}/transition` accepts from a status (the 409's `allowed`). */
export function allowedTargets(from: CaseStatus): CaseStatus[] {
  return CASE_TRANSITIONS.filter((rule) => rule.from === from && rule.action !== 'claim').map(
    (rule) => rule.to,
  );
}

/** The citizen-facing status of a report in a case with this status. */
export function reportStatusFor(caseStatus: CaseStatus): ReportStatus {
  return caseStatus === 'open' ? 'in_review' : caseStatus;
}

/** Markdown table of `CASE_TRANSITIONS`, embedded in docs/review.md (a test keeps them equal). */
export function transitionTableMarkdown(): string {
  const lines = [
    '| from | to | how | who | needs |',
    '| --- | --- | --- | --- | --- |',
    ...CASE_TRANSITIONS.map((rule) => {
      const how = {
        claim: 'claim (`/cases/{id}/claim`, `/cases/next/claim`) or assign',
        transition: '`POST /cases/{id}/transition`',
        reopen: 'reopen: `POST /cases/{id}/transition`',
      }[rule.action];
      return `| \`${rule.from}\` | \`${rule.to}\` | ${how} | ${rule.roles.join(', ')} | ${
        rule.requires ? `\`${rule.requires}\`` : ''
      } |`;
    }),
  ];
  return lines.join('\n');
}
