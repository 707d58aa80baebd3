import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { BackgroundSchedules, QueueName } from '@app/queue';
import { TRIAGE_SWEEP_JOB, TriageSweepResult, TriageSweepService } from './triage-sweep.service';

/** `report-triage-sweep` queue: the minutely backstop for lost or failed triage jobs. */
@Processor(QueueName.TriageSweep)
export class TriageSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sweeper: TriageSweepService,
    private readonly schedules: BackgroundSchedules,
  ) {
    super();
  }

  /** In the background: with Redis down the upsert waits for it, and the worker must start. */
  onApplicationBootstrap(): void {
    this.schedules.start('triage sweep schedule', () => this.sweeper.scheduleSweep());
  }

  async process(job: Job): Promise<TriageSweepResult> {
    if (job.name !== TRIAGE_SWEEP_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
    return this.sweeper.sweep();
  }
}
