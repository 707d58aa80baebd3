import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

export interface BackgroundScheduleOptions {
  /** A pending attempt longer than this (Redis down: BullMQ waits for it) is logged once. */
  warnAfterMs?: number;
  /** Backoff after a failed attempt: doubles from `initialDelayMs` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * After a success, run the task again this often: a Redis restarted empty has lost every
   * job scheduler, and only a fresh upsert brings the minutely sweeps back. 0 runs it once.
   */
  refreshEveryMs?: number;
}

const DEFAULTS: Required<BackgroundScheduleOptions> = {
  warnAfterMs: 5_000,
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  refreshEveryMs: 0,
};

/**
 * Sets up repeatable jobs (`upsertJobScheduler`) without holding up application bootstrap.
 * While Redis is down a BullMQ command waits for it instead of failing, so awaiting it in
 * `onApplicationBootstrap` kept the worker from ever finishing its start. Here the task runs in
 * the background: a slow attempt is logged once as a warning and keeps waiting (it completes
 * when Redis is back), a failed one is retried with exponential backoff, and nothing is retried
 * after shutdown began. The task must be idempotent (an upsert is).
 */
@Injectable()
export class BackgroundSchedules implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundSchedules.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  /** Starts `task` in the background; `what` names it in the log ("SLA sweep schedule"). */
  start(what: string, task: () => Promise<unknown>, options: BackgroundScheduleOptions = {}): void {
    if (this.stopped) return;
    const run = this.run(what, task, { ...DEFAULTS, ...options }).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
  }

  /** Resolves when every started task has succeeded or given up (tests). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private async run(
    what: string,
    task: () => Promise<unknown>,
    options: Required<BackgroundScheduleOptions>,
  ): Promise<void> {
    let delay = options.initialDelayMs;
    for (let attempt = 1; !this.stopped; attempt++) {
      let slow = false;
      const warning = this.timer(() => {
        slow = true;
        this.logger.warn(
          `${what}: still waiting for Redis after ${options.warnAfterMs} ms; ` +
            'the worker runs on and this completes once Redis answers',
        );
      }, options.warnAfterMs);
      let succeeded = false;
      try {
        await task();
        succeeded = true;
        if (slow || attempt > 1) this.logger.log(`${what}: done (attempt ${attempt})`);
      } catch (error) {
        if (this.stopped) return;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `${what}: attempt ${attempt} failed (${message}); retrying in ${delay} ms`,
        );
      } finally {
        this.clear(warning);
      }
      if (succeeded) {
        if (options.refreshEveryMs <= 0) return;
        // Quietly again later; a failure of a refresh is retried with backoff as at start.
        await this.sleep(options.refreshEveryMs);
        attempt = 0;
        delay = options.initialDelayMs;
        continue;
      }
      await this.sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  }

  private timer(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** A backoff pause that shutdown cuts short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.wakers.delete(wake);
        resolve();
      };
      this.wakers.add(wake);
      this.timer(wake, ms);
    });
  }
}
