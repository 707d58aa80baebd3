import { Processor } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  BackgroundSchedules,
  ContractProcessor,
  handleJob,
  QueueName,
  TRIAGE_SWEEP_JOB,
} from '@app/queue';
import { TriageSweepService } from './triage-sweep.service';

/** `report-triage-sweep` queue: the minutely backstop for lost or failed triage jobs. */
@Processor(QueueName.TriageSweep)
export class TriageSweepProcessor extends ContractProcessor implements OnApplicationBootstrap {
  readonly handlers = [handleJob(TRIAGE_SWEEP_JOB, () => this.sweeper.sweep())];

  constructor(
    private readonly sweeper: TriageSweepService,
    private readonly schedules: BackgroundSchedules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** In the background: with Redis down the upsert waits for it, and the worker must start. */
  onApplicationBootstrap(): void {
    this.schedules.start('triage sweep schedule', () => this.sweeper.scheduleSweep(), {
      refreshEveryMs: this.config.schedules.refreshEveryMs,
    });
  }
}
