import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryRows } from '@app/database';
import { QueueName, TRIAGE_JOB, TRIAGE_SWEEP_JOB } from '@app/queue';
import { wipeExpiredReplayCodes } from '@app/reports';

const SWEEP_BATCH = 200;

export interface TriageSweepResult {
  /** Reports still without a case TRIAGE_SWEEP_AFTER_MINUTES after submission. */
  untriaged: number;
  /** Their triage job was gone (lost with Redis, removed): enqueued again under the same id. */
  added: number;
  /** Their triage job had failed for good (or completed without linking): run again. */
  retried: number;
  /** Ensuring the job failed (logged); the next sweep tries again. */
  errors: number;
  /** Idempotency replay codes past IDEMPOTENCY_REPLAY_HOURS, wiped (docs/intake.md). */
  replayCodesWiped: number;
}

type SweepAction = 'added' | 'retried' | 'pending';

/**
 * Backstop for the triage queue, like the SLA sweep: once the outbox row is relayed, the BullMQ
 * job is the only carrier of a report's triage, so a job that exhausts its retries or is lost
 * with Redis would leave the report `received` for good. Every minute this finds reports without
 * a case older than TRIAGE_SWEEP_AFTER_MINUTES and makes sure their `report-<id>` job will run.
 * Triage is idempotent, so running a job again is always safe.
 */
@Injectable()
export class TriageSweepService {
  private readonly logger = new Logger(TriageSweepService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ReportTriage) private readonly triageQueue: Queue,
    @InjectQueue(QueueName.TriageSweep) private readonly sweepQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The sweep, every SWEEP_EVERY_MS; an upsert, so every worker replica may call it and one results. */
  async scheduleSweep(): Promise<void> {
    await this.sweepQueue.upsertJobScheduler(
      TRIAGE_SWEEP_JOB.name,
      { every: this.config.schedules.sweepEveryMs },
      { name: TRIAGE_SWEEP_JOB.name, data: {} },
    );
  }

  /**
   * Every overdue untriaged report, oldest first, in keyset-paged batches. Also wipes the
   * encrypted Idempotency-Key replay codes whose window has passed: the same minutely report
   * housekeeping, one statement on a partial index.
   */
  async sweep(): Promise<TriageSweepResult> {
    const replayCodesWiped = await wipeExpiredReplayCodes(
      this.dataSource.manager,
      this.config.idempotencyReplayHours,
    );
    const result: TriageSweepResult = {
      untriaged: 0,
      added: 0,
      retried: 0,
      errors: 0,
      replayCodesWiped,
    };
    let after: { submittedAt: string; id: string } | null = null;
    for (;;) {
      const batch: { id: string; submitted_at: string }[] = await queryRows(
        this.dataSource.manager,
        // submitted_at as text: keeps the microseconds a JS Date would drop from the cursor.
        `SELECT id, submitted_at::text AS submitted_at FROM reports
          WHERE case_id IS NULL AND submitted_at < now() - make_interval(secs => $1::float8 * 60)
            AND ($2::timestamptz IS NULL OR (submitted_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY submitted_at, id
          LIMIT $4`,
        [
          this.config.triageSweepAfterMinutes,
          after?.submittedAt ?? null,
          after?.id ?? null,
          SWEEP_BATCH,
        ],
      );
      // The batch's jobs are checked at once: under a backlog (intake outran triage for more
      // than TRIAGE_SWEEP_AFTER_MINUTES) one round trip after another would hold the worker.
      const actions = await Promise.all(batch.map(({ id }) => this.ensureTriageJob(id)));
      for (const action of actions) {
        result.untriaged++;
        if (action === 'added' || action === 'retried') result[action]++;
        if (action === null) result.errors++;
      }
      if (batch.length < SWEEP_BATCH) return result;
      const last = batch[batch.length - 1];
      after = { submittedAt: last.submitted_at, id: last.id };
    }
  }

  /**
   * Missing job: added again (same job id, so a concurrent relay or sweep adds it once). Failed
   * (or completed while the report is still unlinked): retried with fresh attempts. Waiting,
   * delayed or active: left alone. Null when Redis refused; logged, never with personal data.
   */
  private async ensureTriageJob(reportId: string): Promise<SweepAction | null> {
    const jobId = TRIAGE_JOB.jobId({ reportId });
    try {
      // One script call; the job itself is read only when it has to be retried.
      const state = await this.triageQueue.getJobState(jobId);
      if (state === 'failed' || state === 'completed') {
        const job = await this.triageQueue.getJob(jobId);
        if (job) {
          await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
          this.logger.warn(
            { reportId, jobId, jobState: state },
            `triage sweep: report untriaged and its job ${state}; retried it`,
          );
          return 'retried';
        }
      } else if (state !== 'unknown') {
        return 'pending';
      }
      // Gone (lost with Redis, removed), or removed between the two reads.
      await this.triageQueue.add(TRIAGE_JOB.name, { reportId }, { jobId });
      this.logger.warn(
        { reportId, jobId, jobState: 'missing' },
        'triage sweep: report untriaged and its job is gone; enqueued it again',
      );
      return 'added';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn({ reportId, jobId, err: message }, 'triage sweep: could not ensure the job');
      return null;
    }
  }
}
