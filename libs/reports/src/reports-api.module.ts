import { Module } from '@nestjs/common';
import { PiiModule } from '@app/common';
import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { CitizenAccessGuard } from './citizen/citizen-access.guard';
import { EvidenceService } from './citizen/evidence.service';
import { EvidenceUploadInterceptor } from './citizen/evidence-upload.interceptor';
import { UploadBudget } from './citizen/upload-budget';
import { StatementService } from './citizen/statement.service';
import { ReportsController } from './reports.controller';
import { ReportsModule } from './reports.module';

/** The citizen HTTP endpoints (API app); rate limits come from identity's global guard. */
@Module({
  imports: [ReportsModule, PiiModule, AuditModule, QueueModule],
  controllers: [ReportsController],
  providers: [
    CitizenAccessGuard,
    EvidenceService,
    EvidenceUploadInterceptor,
    StatementService,
    UploadBudget,
  ],
})
export class ReportsApiModule {}
