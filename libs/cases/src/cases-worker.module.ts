import { Module } from '@nestjs/common';
import { QueueModule } from '@app/queue';
import { CasesModule } from './cases.module';
import { CaseSlaProcessor } from './sla/case-sla.processor';
import { ReportTriageProcessor } from './triage/report-triage.processor';
import { TriageSweepProcessor } from './triage/triage-sweep.processor';
import { TriageSweepService } from './triage/triage-sweep.service';

/** The triage and SLA processors and the triage sweep (worker app). */
@Module({
  imports: [CasesModule, QueueModule],
  providers: [ReportTriageProcessor, CaseSlaProcessor, TriageSweepProcessor, TriageSweepService],
})
export class CasesWorkerModule {}
