import { Processor } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  BackgroundSchedules,
  ContractProcessor,
  handleJob,
  QueueName,
  SLA_DUE_JOB,
  SLA_SWEEP_JOB,
} from '@app/queue';
import { SlaTimersService } from './sla-timers.service';
import { SlaCheck, SlaService } from './sla.service';

/**
 * `case-sla` queue: `due` jobs (one per case and priority, delayed to the deadline) and a
 * `sweep` every minute that catches timers lost with Redis.
 */
@Processor(QueueName.CaseSla)
export class CaseSlaProcessor extends ContractProcessor implements OnApplicationBootstrap {
  readonly handlers = [
    handleJob(SLA_DUE_JOB, ({ caseId }, job, token) => this.due(caseId, job, token)),
    handleJob(SLA_SWEEP_JOB, async () => ({ breached: await this.sla.sweep() })),
  ];

  constructor(
    private readonly sla: SlaService,
    private readonly timers: SlaTimersService,
    private readonly schedules: BackgroundSchedules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** In the background: with Redis down the upsert waits for it, and the worker must start. */
  onApplicationBootstrap(): void {
    this.schedules.start('SLA sweep schedule', () => this.timers.scheduleSweep(), {
      refreshEveryMs: this.config.schedules.refreshEveryMs,
    });
  }

  private async due(caseId: string, job: Job, token?: string): Promise<SlaCheck> {
    const result = await this.sla.check(caseId);
    if (result.kind === 'not-due' && token !== undefined) {
      // Fired early (clock skew): wait for the deadline instead of losing the timer.
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}
