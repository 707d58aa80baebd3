import { citizenTimelineMessage, Money } from '@app/common';
import type { CaseStatus, CitizenTimelineCode, Language } from '@app/common';
import type { TimelineEntryDto } from '@app/reports';

/**
 * The timeline code of each case status a citizen can see. `open` has none: a linked report
 * already reads `in_review` (REPORT_STATUS_SQL), and the link has its own entry. Typed over
 * every case status, so a new status cannot reach the timeline without a code and words.
 */
export const CASE_STATUS_CODES: Readonly<Record<CaseStatus, CitizenTimelineCode | null>> = {
  open: null,
  in_review: 'case.in_review',
  investigating: 'case.investigating',
  solved: 'case.solved',
  closed: 'case.closed',
  referred: 'case.referred',
};

/** A status change of one case (`case.transitioned`), as read from its timeline. */
export interface CaseTransition {
  caseId: string;
  at: Date;
  to: CaseStatus;
  /** The source case of a merge closes with `via: 'merge'` and `mergedIntoId`. */
  mergedIntoId: string | null;
}

/** Everything of one report that may become a citizen timeline entry. */
export interface CitizenFacts {
  submittedAt: Date;
  /** The case the report was first linked to, and when; null while untriaged. */
  link: { caseId: string; at: Date } | null;
  /** Every transition of the cases the report has belonged to (the link's merge chain). */
  transitions: readonly CaseTransition[];
  statements: readonly Date[];
  evidence: readonly Date[];
  /** Freezes and reimbursements recorded with this report's id; amounts in tiyn. */
  freezes: readonly { at: Date; amountTiyn: bigint }[];
  reimbursements: readonly { at: Date; amountTiyn: bigint; reversedAt: Date | null }[];
}

interface Fact {
  at: Date;
  code: CitizenTimelineCode;
  amountTiyn?: bigint;
}

/**
 * The case history as the citizen lived it: the report sits in its first case from the link
 * until that case is merged away, then in the merge target, and so on. Only transitions inside
 * those spans count; when the report arrives in a case (link or merge) that is already past
 * `open`, its status at that moment is shown then. A status equal to the one last shown is not
 * repeated, and the merge itself (the source's closing as a duplicate) never shows.
 */
function statusFacts(link: { caseId: string; at: Date }, all: readonly CaseTransition[]): Fact[] {
  const facts: Fact[] = [];
  let shown: CaseStatus = 'open';
  const show = (at: Date, status: CaseStatus) => {
    const code = CASE_STATUS_CODES[status];
    if (status !== shown && code !== null) facts.push({ at, code });
    shown = status;
  };
  const seen = new Set<string>();
  let caseId: string | null = link.caseId;
  let from = link.at;
  while (caseId !== null && !seen.has(caseId)) {
    seen.add(caseId);
    const own = all.filter((t) => t.caseId === caseId);
    const merge = own.find((t) => t.mergedIntoId !== null && t.at >= from) ?? null;
    const before = own.filter((t) => t.at <= from);
    show(from, before.length > 0 ? before[before.length - 1].to : 'open');
    for (const t of own) {
      if (t.at > from && (merge === null || t.at < merge.at)) show(t.at, t.to);
    }
    caseId = merge?.mergedIntoId ?? null;
    from = merge?.at ?? from;
  }
  return facts;
}

/** The citizen's timeline of one report in `lang`, oldest first. */
export function citizenTimeline(facts: CitizenFacts, lang: Language): TimelineEntryDto[] {
  const all: Fact[] = [{ at: facts.submittedAt, code: 'report.received' }];
  if (facts.link !== null) {
    all.push({ at: facts.link.at, code: 'report.linked_to_case' });
    all.push(...statusFacts(facts.link, facts.transitions));
  }
  all.push(...facts.statements.map((at): Fact => ({ at, code: 'report.statement_added' })));
  all.push(...facts.evidence.map((at): Fact => ({ at, code: 'report.evidence_added' })));
  for (const f of facts.freezes)
    all.push({ at: f.at, code: 'funds.frozen', amountTiyn: f.amountTiyn });
  for (const r of facts.reimbursements) {
    all.push({ at: r.at, code: 'funds.reimbursed', amountTiyn: r.amountTiyn });
    if (r.reversedAt !== null) {
      all.push({
        at: r.reversedAt,
        code: 'funds.reimbursement_reversed',
        amountTiyn: r.amountTiyn,
      });
    }
  }
  // Array.prototype.sort is stable: entries of one instant keep the order they were pushed in.
  all.sort((a, b) => a.at.getTime() - b.at.getTime());
  return all.map((f) => ({
    at: f.at.toISOString(),
    code: f.code,
    message: citizenTimelineMessage(
      f.code,
      lang,
      f.amountTiyn === undefined ? undefined : Money.format(f.amountTiyn),
    ),
  }));
}
