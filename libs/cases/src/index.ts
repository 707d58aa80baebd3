export * from './entities';
export * from './cases.module';
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
export {
  appendCaseEvent,
  CASE_EVENT_TYPES,
  PUBLIC_CASE_EVENT_TYPES,
  staffActor,
  SYSTEM_ACTOR,
} from './shared/case-events';
export type { CaseActor, CaseEventType, PublicCaseEventType } from './shared/case-events';
export { loadCase, lockCase, lockCaseInScope } from './shared/case-rows';
export type { CaseLock, CaseRow } from './shared/case-rows';
export { CASE_MONEY } from './shared/case-money.port';
export type { CaseMoneyPort } from './shared/case-money.port';
export { TriageService } from './triage/triage.service';
export type { TriageResult } from './triage/triage.service';
export { reportPriority, casePriority, mostUrgent } from './triage/priority';
export { CASE_SUMMARY_FROM, loadCaseSummary, toCaseSummary } from './queue/case-views';
export type { CaseSummaryRow } from './queue/case-views';
export { CaseSummaryDto } from './dtos/case-responses.dto';
export { CaseFlagsService } from './flags/case-flags.service';
export { CaseFlagDto } from './flags/case-flags.dto';
