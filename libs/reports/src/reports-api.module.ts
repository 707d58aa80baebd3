import { Module } from '@nestjs/common';
import { PiiModule } from '@app/common';
import { AuditModule } from '@app/audit';
import { CitizenAccessGuard } from './citizen/citizen-access.guard';
import { EvidenceService } from './citizen/evidence.service';
import { StatementService } from './citizen/statement.service';
import { ReportsController } from './reports.controller';
import { ReportsModule } from './reports.module';

/** The citizen HTTP endpoints (API app); rate limits come from identity's global guard. */
@Module({
  imports: [ReportsModule, PiiModule, AuditModule],
  controllers: [ReportsController],
  providers: [CitizenAccessGuard, EvidenceService, StatementService],
})
export class ReportsApiModule {}
