import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueName, SLA_DUE_JOB, SLA_SWEEP_JOB, SlaDueJobData } from '@app/queue';
import type { SlaTimer } from '../shared/case-rows';

/**
 * Arms SLA timers as delayed BullMQ jobs. Called after the transaction that set `sla_due_at`
 * commits; a lost timer is caught by the periodic sweep, so Redis never decides a breach alone.
 */
@Injectable()
export class SlaTimersService {
  constructor(
    @InjectQueue(QueueName.CaseSla) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async arm(timer: SlaTimer): Promise<void> {
    await this.armMany([timer]);
  }

  /** Several timers in one round trip to Redis (a triage batch arms one per case it touched). */
  async armMany(timers: readonly SlaTimer[]): Promise<void> {
    if (timers.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      timers.map((timer) => ({
        name: SLA_DUE_JOB.name,
        data: { caseId: timer.caseId } satisfies SlaDueJobData,
        opts: { jobId: SLA_DUE_JOB.jobId(timer), delay: Math.max(0, timer.dueAt.getTime() - now) },
      })),
    );
  }

  /** The sweep, every SWEEP_EVERY_MS; an upsert, so every worker replica may call it and one results. */
  async scheduleSweep(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SLA_SWEEP_JOB.name,
      { every: this.config.schedules.sweepEveryMs },
      { name: SLA_SWEEP_JOB.name, data: {} },
    );
  }
}
