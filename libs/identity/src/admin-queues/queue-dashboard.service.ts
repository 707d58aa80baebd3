import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { maskCardNumbersInText } from '@app/common';
import { QueueName, RedisClient } from '@app/queue';
import {
  FailedJobView,
  OutboxBacklogView,
  QueueDashboardView,
  QueueView,
  RedisStatusView,
  UntriagedReportsView,
} from './queue-dashboard.dto';

/** BullMQ commands wait for Redis while it is down; the dashboard gives up after this. */
const REDIS_TIMEOUT_MS = 3_000;
const RECENT_FAILED = 10;
const REASON_MAX = 200;

/**
 * The admin queue dashboard (`GET /admin/queues`): BullMQ job counts and recent failures per
 * queue, plus the PostgreSQL side of the pipeline (outbox backlog, untriaged reports). Read-only.
 * Job data is never read out: only id, name, reason, attempts and times. The two tables are
 * read with raw SQL so identity does not depend on the reports lib.
 */
@Injectable()
export class QueueDashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly redisClient: RedisClient,
  ) {}

  async dashboard(): Promise<QueueDashboardView> {
    const [outbox, untriagedReports, redisPart] = await Promise.all([
      this.outbox(),
      this.untriaged(),
      this.queuesOrDown(),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      redis: redisPart.redis,
      queues: redisPart.queues,
      outbox,
      untriagedReports,
    };
  }

  private async outbox(): Promise<OutboxBacklogView> {
    const rows = (await this.dataSource.query(
      'SELECT count(*)::int AS n, min(created_at) AS oldest FROM outbox WHERE relayed_at IS NULL',
    )) as Array<{ n: number; oldest: Date | null }>;
    return { pending: rows[0].n, oldestCreatedAt: rows[0].oldest?.toISOString() ?? null };
  }

  private async untriaged(): Promise<UntriagedReportsView> {
    const rows = (await this.dataSource.query(
      'SELECT count(*)::int AS n, min(submitted_at) AS oldest FROM reports WHERE case_id IS NULL',
    )) as Array<{ n: number; oldest: Date | null }>;
    return { count: rows[0].n, oldestSubmittedAt: rows[0].oldest?.toISOString() ?? null };
  }

  /** Redis down (or too slow): `status: down` and no queues instead of an error. */
  private async queuesOrDown(): Promise<{ redis: RedisStatusView; queues: QueueView[] }> {
    try {
      // Fails fast while Redis is unreachable (no offline queue), unlike BullMQ's connection.
      await withTimeout(this.redisClient.redis.ping(), REDIS_TIMEOUT_MS);
      const queues = await withTimeout(
        Promise.all(Object.values(QueueName).map((name) => this.queue(name))),
        REDIS_TIMEOUT_MS,
      );
      return { redis: { status: 'up' }, queues };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        redis: { status: 'down', message: `Redis did not answer: ${message}`.slice(0, 300) },
        queues: [],
      };
    }
  }

  private async queue(name: QueueName): Promise<QueueView> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    const [counts, paused, failed] = await Promise.all([
      queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
        'completed',
        'failed',
      ),
      queue.isPaused(),
      queue.getFailed(0, RECENT_FAILED - 1),
    ]);
    return {
      name,
      paused,
      counts: {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        prioritized: counts.prioritized ?? 0,
        waitingChildren: counts['waiting-children'] ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      },
      // getFailed can yield holes for jobs removed meanwhile.
      recentFailed: failed.filter((job): job is Job => Boolean(job)).map(toFailedJobView),
    };
  }
}

function toFailedJobView(job: Job): FailedJobView {
  return {
    id: job.id ?? null,
    name: job.name,
    failedReason: maskCardNumbersInText(job.failedReason ?? '').slice(0, REASON_MAX),
    attemptsMade: job.attemptsMade,
    timestamp: new Date(job.timestamp).toISOString(),
    finishedOn: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
