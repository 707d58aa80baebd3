import type { CaseStatus, NoticeKind } from '@app/common';
import type { NoticeAudience } from '@app/notices';
import type { CaseEventType } from './case-events';

/** Statuses in which a case counts as under review for a report newly linked to it. */
const UNDER_REVIEW: readonly CaseStatus[] = ['in_review', 'investigating'];

const TRANSITION_NOTICES: Partial<Record<CaseStatus, NoticeKind>> = {
  in_review: 'in_review',
  solved: 'solved',
  closed: 'closed',
  referred: 'referred',
};

export interface CaseEventNotice {
  kind: NoticeKind;
  audience: NoticeAudience;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The citizen notice a case event causes (docs/notices.md), or null. A transition into
 * in_review (claim, assignment, reopen), solved, closed or referred tells every report of the
 * case; a report linked (triage) or moved (merge) into a case under review tells that report;
 * money frozen or reimbursed for a report tells that report. `caseStatus` is the case's status
 * after the event, in the same transaction.
 */
export function caseEventNotice(
  caseId: string,
  type: CaseEventType,
  data: Record<string, unknown>,
  caseStatus: CaseStatus | null,
): CaseEventNotice | null {
  switch (type) {
    case 'case.transitioned': {
      const kind = TRANSITION_NOTICES[data.to as CaseStatus];
      return kind ? { kind, audience: { caseId } } : null;
    }
    case 'report.linked':
      return caseStatus !== null && UNDER_REVIEW.includes(caseStatus) && isString(data.reportId)
        ? { kind: 'in_review', audience: { reportIds: [data.reportId], onlyUntold: true } }
        : null;
    case 'case.merged': {
      const moved = Array.isArray(data.reports) ? data.reports.filter(isString) : [];
      return caseStatus !== null && UNDER_REVIEW.includes(caseStatus) && moved.length > 0
        ? { kind: 'in_review', audience: { reportIds: moved, onlyUntold: true } }
        : null;
    }
    case 'funds.freeze_recorded':
      return isString(data.reportId)
        ? { kind: 'funds_frozen', audience: { reportIds: [data.reportId] } }
        : null;
    case 'funds.reimbursement_recorded':
      return isString(data.reportId)
        ? { kind: 'reimbursed', audience: { reportIds: [data.reportId] } }
        : null;
    default:
      return null;
  }
}

/** Event types whose notice depends on the case's current status (read only for these). */
export function needsCaseStatus(type: CaseEventType): boolean {
  return type === 'report.linked' || type === 'case.merged';
}
