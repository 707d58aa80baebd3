import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsModule } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { BackgroundSchedules } from './background-schedules';
import { useLoggedBullClasses } from './logged-bullmq';
import { JobHandlersCheck } from './jobs/job-handlers.check';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';
import { QueueJobsMetrics } from './queue-jobs.metrics';
import { redisConnectionOptions } from './redis';
import { RedisClient } from './redis-client.provider';

useLoggedBullClasses();

/**
 * Redis connection and every queue, registered once for both apps. Every queue and worker logs
 * its connection errors through the Nest logger, throttled (`logged-bullmq.ts`);
 * `BackgroundSchedules` sets up repeatable jobs without blocking bootstrap; `QueueJobsMetrics`
 * feeds `fraud_queue_jobs`.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redis.url),
        prefix: config.redis.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
    // Imported where it is used, so any composition of modules (tests build partial apps) works.
    MetricsModule,
  ],
  providers: [RedisClient, BackgroundSchedules, QueueJobsMetrics],
  exports: [BullModule, RedisClient, BackgroundSchedules],
})
export class QueueModule {}

/** Worker-only: the start-up check that every job contract has a handler (worker app). */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlersCheck],
})
export class QueueWorkerModule {}
