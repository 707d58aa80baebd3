import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueName, TRIAGE_JOB } from '@app/queue';
import type { TriageJobData } from '@app/queue';
import { OutboxListener } from './outbox-listener';
import { OUTBOX_NOTIFY_CHANNEL } from './report-outbox';
import type { TriageOutboxPayload } from './report-outbox';

/** Rows per round: one addBulk and one UPDATE each. */
const BATCH_SIZE = 500;
/** How long one addBulk may wait for Redis before the rows are left for the next round. */
const ADD_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;
/**
 * After a notice, how long the relay waits before its round: under load the reports of these
 * few milliseconds go out in one batch instead of one round each.
 */
const WAKE_DELAY_MS = 10;

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
 * A round starts when a writer's `pg_notify` announces a committed row (OutboxListener) or,
 * failing that, every OUTBOX_POLL_MS.
 */
@Injectable()
export class ReportOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportOutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private failures = 0;
  /** True while a timer waits for the next round (not while a round runs). */
  private waiting = false;
  /** When the waiting timer fires (Date.now() scale). */
  private dueAt = 0;
  /** A notice came during a round: the next round starts without the poll's wait. */
  private woken = false;
  private readonly listener: OutboxListener;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ReportTriage) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.listener = new OutboxListener(config.databaseUrl, OUTBOX_NOTIFY_CHANNEL, () =>
      this.wake(),
    );
  }

  onApplicationBootstrap(): void {
    // Connection errors surface through add(); QueueModule logs the queue's own, throttled.
    this.schedule(0);
    this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all([this.running, this.listener.stop()]);
  }

  /**
   * Relays one batch with one `addBulk` (one Redis round trip) and one UPDATE. A failed add is
   * recorded on every row of the batch (attempts, last_error): the transaction still commits
   * that record, and `error` says why the batch stopped. Jobs Redis already holds under the
   * same id are left as they are, so a batch relayed again enqueues nothing twice.
   */
  async relayBatch(): Promise<{ relayed: number; error?: Error }> {
    return this.dataSource.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        `SELECT id, payload FROM outbox WHERE relayed_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return { relayed: 0 };
      const ids = rows.map((r) => r.id);
      const jobs = rows.map((row) => {
        // The whole job data, statementId included: only the job id is outbox bookkeeping.
        const { jobId, ...rest } = row.payload;
        const data: TriageJobData = rest;
        return { name: TRIAGE_JOB.name, data, opts: { jobId } };
      });
      try {
        await withTimeout(this.queue.addBulk(jobs), ADD_TIMEOUT_MS);
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        await em.query(
          'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])',
          [ids, error.message.slice(0, 500)],
        );
        return { relayed: 0, error };
      }
      await em.query(
        `UPDATE outbox SET relayed_at = now(), attempts = attempts + 1, last_error = NULL
          WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return { relayed: rows.length };
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    // A notice during the round cuts the poll's wait, not a failure's backoff.
    const delay = this.woken && this.failures === 0 ? Math.min(delayMs, WAKE_DELAY_MS) : delayMs;
    this.woken = false;
    this.waiting = true;
    this.dueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.waiting = false;
      this.running = this.tick().then((nextDelay) => this.schedule(nextDelay));
    }, delay);
  }

  /** A committed outbox row was announced: relay it soon rather than at the next poll. */
  private wake(): void {
    if (this.stopped || this.failures > 0) return;
    if (!this.waiting) {
      this.woken = true;
      return;
    }
    // Already due soon (an earlier notice): a stream of notices must not keep pushing it back.
    if (this.dueAt - Date.now() <= WAKE_DELAY_MS) return;
    clearTimeout(this.timer);
    this.schedule(WAKE_DELAY_MS);
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
