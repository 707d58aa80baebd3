import { Processor, WorkerHost } from '@nestjs/bullmq';
import { IsOptional, IsUUID } from 'class-validator';
import { Job } from 'bullmq';
import { QueueName } from '@app/queue';
import { parseJobData } from '../shared/job-payload';
import { TriageResult, TriageService } from './triage.service';

/** `triage` job data, enqueued by the reports outbox relay (job id `report-<id>[-s<stmt>]`). */
export class TriageJobData {
  @IsUUID()
  reportId!: string;

  /** Set when a citizen statement triggered the re-triage; informational. */
  @IsOptional()
  @IsUUID()
  statementId?: string;
}

/** One class for the queue: validates the payload and delegates to TriageService. */
@Processor(QueueName.ReportTriage, { concurrency: 4 })
export class ReportTriageProcessor extends WorkerHost {
  constructor(private readonly triage: TriageService) {
    super();
  }

  async process(job: Job): Promise<TriageResult> {
    const { reportId } = parseJobData(TriageJobData, job.data);
    return this.triage.triage(reportId);
  }
}
