import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { CasesController } from './cases.controller';
import { CasesModule } from './cases.module';
// TEMP until the investigation lib lands
import { PiiModule } from '@app/common';
import { IdentifiersController, StaffReportsController } from './identifiers.controller';
import { IdentifiersService } from './identifiers/identifiers.service';
import { CaseDetailService } from './queue/case-detail.service';
import { StaffReportsService } from './reports/staff-reports.service';

/** The staff HTTP API of cases: queue, claims, workflow, notes, offenders, merge (API app). */
@Module({
  imports: [CasesModule, IdentityModule, PiiModule],
  controllers: [CasesController, IdentifiersController, StaffReportsController],
  providers: [CaseDetailService, IdentifiersService, StaffReportsService],
})
export class CasesApiModule {}
