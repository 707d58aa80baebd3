import { Processor } from '@nestjs/bullmq';
import { ContractProcessor, handleJob, QueueName, TRIAGE_JOB } from '@app/queue';
import { TriageService } from './triage.service';

/** `report-triage`: links each report (or a statement's additions) into a case. */
@Processor(QueueName.ReportTriage, { concurrency: 4 })
export class ReportTriageProcessor extends ContractProcessor {
  readonly handlers = [
    handleJob(TRIAGE_JOB, ({ reportId, statementId }) => this.triage.triage(reportId, statementId)),
  ];

  constructor(private readonly triage: TriageService) {
    super();
  }
}
