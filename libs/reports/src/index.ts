export * from './entities';
export * from './reports.module';
export { CitizenAccessGuard } from './citizen/citizen-access.guard';
export { CitizenReport } from './citizen/citizen-access';
export type { CitizenReportRef } from './citizen/citizen-access';
export { CreateReportDto, IncidentDto, LoanDto, ReporterDto } from './dtos/create-report.dto';
export { CreateStatementDto } from './dtos/create-statement.dto';
export { CitizenStatusQueryDto } from './dtos/citizen-status-query.dto';
export { SuspectDto, TransactionDto, MAX_LIST_ITEMS } from './dtos/report-parts.dto';
export { IsPlainText, isPlainText } from './dtos/report-validators';
export * from './dtos/report-responses.dto';
export { formatReference, normalizeReference } from './intake/reference-number';
export { CREATE_REPORT_EXAMPLES, REFERENCE_PARAM } from './reports.openapi';
export { wipeExpiredReplayCodes } from './intake/idempotency';
export { OUTBOX_TOPICS } from './outbox/report-outbox';
export type { TriageOutboxPayload } from './outbox/report-outbox';
export {
  linkReportsToCases,
  linkReportToCase,
  lockReport,
  moveCaseReports,
  setReportPriority,
} from './report-links';
export type { LockedReport } from './report-links';
export {
  assertNotBefore,
  firstIncidentOfCase,
  firstPaymentOfCase,
  firstPaymentOfReport,
} from './incident-time';
