import { Module } from '@nestjs/common';
import { PiiModule } from '@app/common';
import { AuditModule } from '@app/audit';
import { CasesModule } from '@app/cases';
import { FundsModule } from '@app/funds';
import { LoansModule } from '@app/loans';
import { TakedownsModule } from '@app/takedowns';
import { IdentityModule } from '@app/identity';
import { CaseDetailController } from './cases/case-detail.controller';
import { CaseDetailService } from './cases/case-detail.service';
import { CaseReportsService } from './cases/case-reports.service';
import { CitizenStatusController } from './citizen/citizen-status.controller';
import { ReportStatusService } from './citizen/report-status.service';
import { IdentifiersController, StaffReportsController } from './identifiers.controller';
import { IdentifiersService } from './identifiers/identifiers.service';
import { LookupController } from './lookup/lookup.controller';
import { LookupService } from './lookup/lookup.service';
import { StaffReportsService } from './reports/staff-reports.service';
import { VictimSearchService } from './reports/victim-search.service';
import { VictimsController } from './reports/victims.controller';

/**
 * Read models that join several domains (reports, cases, funds, takedowns, loans): the case detail, the staff
 * report view, victim search, identifier search, the citizen status page and the public lookup (API app). Owns no tables and
 * writes nothing; it sits above reports, cases and funds, and nothing imports it but the app.
 */
@Module({
  imports: [
    CasesModule,
    FundsModule,
    TakedownsModule,
    LoansModule,
    IdentityModule,
    PiiModule,
    AuditModule,
  ],
  controllers: [
    CaseDetailController,
    IdentifiersController,
    StaffReportsController,
    VictimsController,
    CitizenStatusController,
    LookupController,
  ],
  providers: [
    CaseDetailService,
    CaseReportsService,
    IdentifiersService,
    StaffReportsService,
    VictimSearchService,
    ReportStatusService,
    LookupService,
  ],
})
export class InvestigationApiModule {}
