import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CITIZEN_NOTICE_JOB, QueueName } from '@app/queue';
import type { CitizenNoticeJobData } from '@app/queue';

const BATCH_SIZE = 100;
/** How long one add may wait for Redis before the row is left for the next round. */
const ADD_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;
/** A relayed notice still unsent after this, whose job Redis no longer holds, is re-added. */
const LOST_AFTER_MINUTES = 5;

interface NoticeRow {
  id: string;
  key: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The notice job's retries: NOTICE_MAX_ATTEMPTS sends, exponential from NOTICE_RETRY_BASE_MS. */
export function noticeJobOptions(config: AppConfig, key: string): JobsOptions {
  return {
    jobId: CITIZEN_NOTICE_JOB.jobId({ key }),
    attempts: config.notices.maxAttempts,
    backoff: { type: 'exponential', delay: config.notices.retryBaseMs },
  };
}

/**
 * Moves committed notice rows to the citizen-notices queue, like the reports outbox relay:
 * rows claimed with `FOR UPDATE SKIP LOCKED` (any number of workers side by side), marked
 * relayed only after Redis took the job, and the job id from the row's key makes a second add
 * of the same row a no-op. Relaying twice never sends twice either: the send claims the row.
 */
@Injectable()
export class NoticeRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoticeRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private failures = 0;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.CitizenNotices) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; a failed add is recorded on its row and ends the batch. */
  async relayBatch(): Promise<{ relayed: number; error?: Error }> {
    return this.dataSource.transaction(async (em) => {
      const rows: NoticeRow[] = await em.query(
        `SELECT id, key FROM citizen_notices WHERE relayed_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      let relayed = 0;
      for (const row of rows) {
        const error = await this.relayRow(em, row);
        if (error) return { relayed, error };
        relayed += 1;
      }
      return { relayed };
    });
  }

  /**
   * The backstop for jobs Redis lost (a flushed or restarted-empty Redis): notices relayed a
   * while ago that are still `pending`, or `failed` with sends left, and whose job is gone, get
   * their job again. A notice left `sending` is never touched (its outcome is unknown), and
   * the send still claims the row, so a job re-added for a notice being sent sends nothing.
   */
  async sweepLost(): Promise<{ readded: number }> {
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT id, key FROM citizen_notices
        WHERE relayed_at < now() - make_interval(mins => $1)
          AND (status = 'pending' OR (status = 'failed' AND attempts < $2))
        ORDER BY id LIMIT $3`,
      [LOST_AFTER_MINUTES, this.config.notices.maxAttempts, BATCH_SIZE],
    );
    let readded = 0;
    for (const row of rows) {
      const job = await withTimeout(
        this.queue.getJob(CITIZEN_NOTICE_JOB.jobId({ key: row.key })),
        ADD_TIMEOUT_MS,
      );
      if (job) continue;
      await this.enqueue(row);
      readded += 1;
    }
    if (readded > 0) this.logger.warn({ readded }, 'notice jobs lost from Redis were re-added');
    return { readded };
  }

  /** Adds the job of one notice again (an admin's resend, tests): a no-op while it exists. */
  async enqueue(row: NoticeRow): Promise<void> {
    const data: CitizenNoticeJobData = { noticeId: row.id };
    await withTimeout(
      this.queue.add(CITIZEN_NOTICE_JOB.name, data, noticeJobOptions(this.config, row.key)),
      ADD_TIMEOUT_MS,
    );
  }

  private async relayRow(em: EntityManager, row: NoticeRow): Promise<Error | undefined> {
    try {
      await this.enqueue(row);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      await em.query(
        'UPDATE citizen_notices SET relay_attempts = relay_attempts + 1 WHERE id = $1',
        [row.id],
      );
      return error;
    }
    await em.query(
      `UPDATE citizen_notices SET relayed_at = now(), relay_attempts = relay_attempts + 1
        WHERE id = $1`,
      [row.id],
    );
    return undefined;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then((nextDelay) => this.schedule(nextDelay));
    }, delayMs);
  }

  /** One round; returns the delay before the next one. */
  private async tick(): Promise<number> {
    const poll = this.config.outboxPollMs;
    let error: Error | undefined;
    let relayed = 0;
    try {
      ({ relayed, error } = await this.relayBatch());
      if (
        error === undefined &&
        Date.now() - this.lastSweep >= this.config.schedules.sweepEveryMs
      ) {
        await this.sweepLost();
        this.lastSweep = Date.now();
      }
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    if (error === undefined) {
      if (this.failures > 0) this.logger.log('notice relay recovered');
      this.failures = 0;
      return relayed === BATCH_SIZE ? 0 : poll;
    }
    this.failures += 1;
    // First failure and then every tenth: a long Redis outage must not flood the log.
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.logger.warn(
        { err: error.message, failures: this.failures },
        'notice relay failed; retrying',
      );
    }
    return Math.min(poll * 2 ** Math.min(this.failures, 6), MAX_BACKOFF_MS);
  }
}
