import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class QueueJobCountsView {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() prioritized!: number;
  @ApiProperty({ description: 'jobs waiting for their child jobs' }) waitingChildren!: number;
  @ApiProperty({ description: 'retained completed jobs (DEFAULT_JOB_OPTIONS.removeOnComplete)' })
  completed!: number;
  @ApiProperty({ description: 'retained failed jobs (DEFAULT_JOB_OPTIONS.removeOnFail)' })
  failed!: number;
}

export class FailedJobView {
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the last error, at most 200 characters; job data is never shown' })
  failedReason!: string;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty({ format: 'date-time', description: 'when the job was created' })
  timestamp!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedOn!: string | null;
}

export class QueueView {
  @ApiProperty({ example: 'report-triage' }) name!: string;
  @ApiProperty({ description: 'the queue is paused (workers take no new jobs)' }) paused!: boolean;
  @ApiProperty({ type: QueueJobCountsView }) counts!: QueueJobCountsView;
  @ApiProperty({ type: [FailedJobView], description: 'the 10 most recent failed jobs' })
  recentFailed!: FailedJobView[];
}

export class RedisStatusView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'why Redis counts as down' }) message?: string;
}

export class OutboxBacklogView {
  @ApiProperty({ description: 'outbox rows not yet relayed to Redis' }) pending!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  oldestCreatedAt!: string | null;
}

export class UntriagedReportsView {
  @ApiProperty({ description: 'reports not yet linked to a case by triage' }) count!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  oldestSubmittedAt!: string | null;
}

export class QueueDashboardView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: RedisStatusView }) redis!: RedisStatusView;
  @ApiProperty({
    type: [QueueView],
    description: 'every BullMQ queue; empty while Redis is down (`redis.status: down`)',
  })
  queues!: QueueView[];
  @ApiProperty({ type: OutboxBacklogView }) outbox!: OutboxBacklogView;
  @ApiProperty({ type: UntriagedReportsView }) untriagedReports!: UntriagedReportsView;
}
