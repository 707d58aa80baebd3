import { Processor } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ContractProcessor, handleJob, QueueName, TRIAGE_JOB } from '@app/queue';
import { Batcher } from './triage-batcher';
import { TriageResult, TriageService } from './triage.service';

/** How long a report waits for others to share its transaction: a lone report barely waits. */
const BATCH_WAIT_MS = 5;

/**
 * `report-triage`: links each report (or a statement's additions) into a case. Up to
 * TRIAGE_CONCURRENCY jobs are active at once; first triages go through a batcher, so up to
 * TRIAGE_BATCH_SIZE of them share one transaction (one commit, locks taken once), while every
 * job keeps its own id, retries and outcome. Statement re-triages run alone.
 */
@Processor(QueueName.ReportTriage)
export class ReportTriageProcessor extends ContractProcessor implements OnApplicationBootstrap {
  private readonly batcher: Batcher<string, TriageResult>;
  readonly handlers = [
    handleJob(TRIAGE_JOB, ({ reportId, statementId }) =>
      statementId === undefined
        ? this.batcher.add(reportId)
        : this.triage.triage(reportId, statementId),
    ),
  ];

  constructor(
    private readonly triage: TriageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.batcher = new Batcher(
      (ids) => this.triage.triageMany(ids),
      config.triage.batchSize,
      BATCH_WAIT_MS,
    );
  }

  /** BullMQ reads the worker's concurrency before each fetch, so setting it here takes. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.triage.concurrency;
  }
}
