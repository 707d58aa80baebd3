import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { DelayedError, Job } from 'bullmq';
import { BackgroundSchedules, QueueName } from '@app/queue';
import { parseJobData } from '../shared/job-payload';
import { SLA_SWEEP_JOB, SlaJobData, SlaTimersService } from './sla-timers.service';
import { SlaCheck, SlaService } from './sla.service';

class SlaDueJobData implements SlaJobData {
  @IsUUID()
  caseId!: string;
}

/**
 * `case-sla` queue: `due` jobs (one per case and priority, delayed to the deadline) and a
 * `sweep` every minute that catches timers lost with Redis.
 */
@Processor(QueueName.CaseSla)
export class CaseSlaProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sla: SlaService,
    private readonly timers: SlaTimersService,
    private readonly schedules: BackgroundSchedules,
  ) {
    super();
  }

  /** In the background: with Redis down the upsert waits for it, and the worker must start. */
  onApplicationBootstrap(): void {
    this.schedules.start('SLA sweep schedule', () => this.timers.scheduleSweep());
  }

  async process(job: Job, token?: string): Promise<SlaCheck | { breached: number }> {
    if (job.name === SLA_SWEEP_JOB) return { breached: await this.sla.sweep() };
    const { caseId } = parseJobData(SlaDueJobData, job.data);
    const result = await this.sla.check(caseId);
    if (result.kind === 'not-due' && token !== undefined) {
      // Fired early (clock skew): wait for the deadline instead of losing the timer.
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}
