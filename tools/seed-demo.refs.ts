/**
 * Service classes the demo seed resolves from the running app. The seed is a tool, not a
 * lib, so it may reach past the libs' public surfaces for services they do not export.
 */
export { TriageService } from '@app/cases';
export { CaseWorkflowService as CaseWorkflowServiceRef } from '../libs/cases/src/workflow/case-workflow.service';
export { CaseRecordsService as CaseRecordsServiceRef } from '../libs/cases/src/workflow/case-records.service';
export { FreezeRequestsService } from '@app/funds';
export { FreezesService as FreezesServiceRef } from '../libs/funds/src/freezes/freezes.service';
export { ReleasesService as ReleasesServiceRef } from '../libs/funds/src/freezes/releases.service';
export { ReimbursementsService as ReimbursementsServiceRef } from '../libs/funds/src/reimbursements/reimbursements.service';
export { ReportIntakeService as ReportIntakeServiceRef } from '../libs/reports/src/intake/report-intake.service';
export { UsersService as UsersServiceRef } from '../libs/identity/src/users/users.service';
export { StatsQueryService as StatsQueryServiceRef } from '../libs/stats/src/stats-query.service';
