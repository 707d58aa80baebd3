export * from './entities';
export * from './cases.module';
export { CaseSummaryDto } from './dtos/case-responses.dto';
export { loadCaseSummary } from './queue/case-views';
export {
  CASE_TRANSITIONS,
  TERMINAL_CASE_STATUSES,
  ACTIVE_CASE_STATUSES,
  allowedTargets,
  findTransition,
  isTerminal,
  reportStatusFor,
  transitionTableMarkdown,
} from './workflow/case-transitions';
export type { CaseTransitionRule, TransitionAction } from './workflow/case-transitions';
export { CASE_EVENT_TYPES, PUBLIC_CASE_EVENT_TYPES } from './shared/case-events';
export type { CaseEventType } from './shared/case-events';
export { TriageService } from './triage/triage.service';
export type { TriageResult } from './triage/triage.service';
export { TriageSweepService, TRIAGE_SWEEP_JOB } from './triage/triage-sweep.service';
export type { TriageSweepResult } from './triage/triage-sweep.service';
export { reportPriority, casePriority, mostUrgent } from './triage/priority';
export { slaJobId, SLA_DUE_JOB, SLA_SWEEP_JOB } from './sla/sla-timers.service';
export { MONEY_TABLES_WITH_CASE_ID } from './merge/case-merge.service';
