import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@app/queue';
import { OutboxMessage } from './entities';
import { ReportOutboxRelay } from './outbox/report-outbox-relay.service';

/** The outbox relay to the report-triage queue (worker app). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), QueueModule],
  providers: [ReportOutboxRelay],
})
export class ReportsWorkerModule {}
