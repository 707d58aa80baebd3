import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/queue';
import { TRIAGE_SWEEP_JOB, TriageSweepResult, TriageSweepService } from './triage-sweep.service';

/** `report-triage-sweep` queue: the minutely backstop for lost or failed triage jobs. */
@Processor(QueueName.TriageSweep)
export class TriageSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly sweeper: TriageSweepService) {
    super();
  }

  onApplicationBootstrap(): void {
    // Not awaited (as the SLA sweep): with Redis down the upsert waits for it, and the worker must start.
    this.sweeper.scheduleSweep().catch(() => undefined);
  }

  async process(job: Job): Promise<TriageSweepResult> {
    if (job.name !== TRIAGE_SWEEP_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
    return this.sweeper.sweep();
  }
}
