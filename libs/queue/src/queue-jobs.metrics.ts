import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { FraudMetrics, QUEUE_JOB_STATES, QueueJobCount } from '@app/common';
import { QueueName } from './queue-names';

/** Feeds `fraud_queue_jobs`: every queue's job counts by state, read from Redis on scrape. */
@Injectable()
export class QueueJobsMetrics implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: FraudMetrics,
  ) {}

  onModuleInit(): void {
    const queues = Object.values(QueueName).map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    this.metrics.setQueueJobsSource(async () => {
      const perQueue = await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts(...QUEUE_JOB_STATES);
          return QUEUE_JOB_STATES.map((state): QueueJobCount => ({
            queue: queue.name,
            state,
            count: counts[state] ?? 0,
          }));
        }),
      );
      return perQueue.flat();
    });
  }
}
