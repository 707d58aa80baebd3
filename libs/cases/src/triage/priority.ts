import type { AgeGroup, Priority } from '@app/common';

/** 1,000,000.00 KZT in tiyn. */
export const P2_LOSS_THRESHOLD_TIYN = 100_000_000n;
/** A payment this recent (before submission) may still be in flight: P1. */
export const P1_PAYMENT_WINDOW_MS = 72 * 3600 * 1000;
/** A case linking this many reports is at least P2. */
export const P2_LINKED_REPORTS = 3;

export interface ReportPriorityFacts {
  ageGroup: AgeGroup;
  lossTiyn: bigint;
  submittedAt: Date;
  paidAt: readonly Date[];
}

export interface PriorityDecision {
  priority: Priority;
  /** Why, for the timeline: e.g. `recent_payment`, `minor_victim`, `loss_threshold`. */
  reasons: string[];
}

/** A payment made at most 72 h before the report was submitted (and not after it). */
export function hasRecentPayment(facts: Pick<ReportPriorityFacts, 'submittedAt' | 'paidAt'>) {
  const submitted = facts.submittedAt.getTime();
  return facts.paidAt.some((paid) => {
    const age = submitted - paid.getTime();
    return age >= 0 && age <= P1_PAYMENT_WINDOW_MS;
  });
}

/** Priority of one report on its own (docs/contract.md "Priority"); the case size rule is separate. */
export function reportPriority(facts: ReportPriorityFacts): PriorityDecision {
  const p1: string[] = [];
  if (hasRecentPayment(facts)) p1.push('recent_payment');
  if (facts.ageGroup === 'minor') p1.push('minor_victim');
  if (p1.length) return { priority: 'P1', reasons: p1 };
  const p2: string[] = [];
  if (facts.lossTiyn >= P2_LOSS_THRESHOLD_TIYN) p2.push('loss_threshold');
  if (facts.ageGroup === 'senior') p2.push('senior_victim');
  if (p2.length) return { priority: 'P2', reasons: p2 };
  if (facts.lossTiyn > 0n) return { priority: 'P3', reasons: ['loss'] };
  return { priority: 'P4', reasons: ['no_loss'] };
}

/** `P1` is the most urgent; the names sort in urgency order. */
export function mostUrgent(...priorities: (Priority | null | undefined)[]): Priority {
  const present = priorities.filter((p): p is Priority => p !== null && p !== undefined);
  if (present.length === 0) throw new RangeError('mostUrgent needs at least one priority');
  return present.reduce((a, b) => (b < a ? b : a));
}

/** Case priority: most urgent of its reports, and at least P2 once it links 3 or more reports. */
export function casePriority(
  reportPriorities: readonly (Priority | null)[],
  reportCount: number,
): Priority {
  return mostUrgent(...reportPriorities, reportCount >= P2_LINKED_REPORTS ? 'P2' : 'P4');
}
