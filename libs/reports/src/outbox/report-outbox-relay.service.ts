import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueName, TRIAGE_JOB } from '@app/queue';
import type { TriageJobData } from '@app/queue';
import type { TriageOutboxPayload } from './report-outbox';

const BATCH_SIZE = 100;
/** How long one add may wait for Redis before the row is left for the next round. */
const ADD_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;

interface OutboxRow {
  id: string;
  payload: TriageOutboxPayload;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows to the report-triage queue. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers can relay side by side; a row is marked
 * relayed only after Redis accepted the job, and the job id (from the row) makes a second add
 * of the same row a no-op. While Redis is down the rows wait and the relay keeps retrying.
 */
@Injectable()
export class ReportOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportOutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ReportTriage) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Connection errors surface through add(); QueueModule logs the queue's own, throttled.
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Relays one batch. A failed add is recorded on its row (attempts, last_error) and ends the
   * batch: the transaction still commits that record, and `error` says why the batch stopped.
   */
  async relayBatch(): Promise<{ relayed: number; error?: Error }> {
    return this.dataSource.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        `SELECT id, payload FROM outbox WHERE relayed_at IS NULL
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

  private async relayRow(em: EntityManager, row: OutboxRow): Promise<Error | undefined> {
    // The whole job data, statementId included: only the job id is outbox bookkeeping.
    const { jobId, ...rest } = row.payload;
    const data: TriageJobData = rest;
    try {
      await withTimeout(this.queue.add(TRIAGE_JOB.name, data, { jobId }), ADD_TIMEOUT_MS);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      await em.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
        row.id,
        error.message.slice(0, 500),
      ]);
      return error;
    }
    await em.query(
      'UPDATE outbox SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
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
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    if (error === undefined) {
      if (this.failures > 0) this.logger.log('outbox relay recovered');
      this.failures = 0;
      return relayed === BATCH_SIZE ? 0 : poll;
    }
    this.failures += 1;
    // First failure and then every tenth: a long Redis outage must not flood the log.
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.logger.warn(
        { err: error.message, failures: this.failures },
        'outbox relay failed; retrying',
      );
    }
    return Math.min(poll * 2 ** Math.min(this.failures, 6), MAX_BACKOFF_MS);
  }
}
