import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiModule } from '@app/common';
import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { CitizenAccessGuard } from './citizen/citizen-access.guard';
import { EvidenceService } from './citizen/evidence.service';
import { StatementService } from './citizen/statement.service';
import {
  Evidence,
  OutboxMessage,
  ReferenceCounter,
  Report,
  ReportIdentifier,
  ReportStatement,
  ReportTransaction,
} from './entities';
import { ReportIntakeService } from './intake/report-intake.service';
import { ReportOutboxRelay } from './outbox/report-outbox-relay.service';
import { ReportsController } from './reports.controller';

export const REPORT_ENTITIES = [
  Report,
  ReportTransaction,
  ReportIdentifier,
  ReportStatement,
  Evidence,
  OutboxMessage,
  ReferenceCounter,
];

/** Report entities and the services other domains may use; no controllers, no processors. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORT_ENTITIES), PiiModule],
  providers: [ReportIntakeService],
  exports: [TypeOrmModule, ReportIntakeService],
})
export class ReportsModule {}

/** The citizen HTTP endpoints (API app); rate limits come from identity's global guard. */
@Module({
  imports: [ReportsModule, PiiModule, AuditModule],
  controllers: [ReportsController],
  providers: [CitizenAccessGuard, EvidenceService, StatementService],
})
export class ReportsApiModule {}

/** The outbox relay to the report-triage queue (worker app). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), QueueModule],
  providers: [ReportOutboxRelay],
})
export class ReportsWorkerModule {}
