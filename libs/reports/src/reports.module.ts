import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule, PiiModule } from '@app/common';
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
import { OutboxBacklogMetrics } from './outbox/outbox-backlog.metrics';

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
  imports: [TypeOrmModule.forFeature(REPORT_ENTITIES), PiiModule, MetricsModule],
  providers: [ReportIntakeService, OutboxBacklogMetrics],
  exports: [TypeOrmModule, ReportIntakeService],
})
export class ReportsModule {}
