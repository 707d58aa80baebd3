import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiModule } from '@app/common';
import { FundsApiModule, FundsModule } from '@app/funds';
import { IdentityModule, User } from '@app/identity';
import { QueueModule } from '@app/queue';
import { REPORT_ENTITIES } from '@app/reports';
import { CasesController } from './cases.controller';
import { CaseCounter, CaseEvent, CaseIdentifier, Case, OffenderRecord } from './entities';
import { CaseMergeService } from './merge/case-merge.service';
import { CaseQueueService } from './queue/case-queue.service';
import { CaseSlaProcessor } from './sla/case-sla.processor';
import { SlaTimersService } from './sla/sla-timers.service';
import { SlaService } from './sla/sla.service';
import { ReportTriageProcessor } from './triage/report-triage.processor';
import { TriageSweepProcessor } from './triage/triage-sweep.processor';
import { TriageSweepService } from './triage/triage-sweep.service';
import { TriageService } from './triage/triage.service';
import { CaseRecordsService } from './workflow/case-records.service';
import { CaseWorkflowService } from './workflow/case-workflow.service';

export const CASE_ENTITIES = [Case, CaseIdentifier, CaseEvent, OffenderRecord, CaseCounter];

/** Provided and exported by CasesModule: the services both apps use. */
const CORE_SERVICES = [
  TriageService,
  SlaService,
  SlaTimersService,
  CaseQueueService,
  CaseWorkflowService,
  CaseRecordsService,
  CaseMergeService,
];

/**
 * Cases without HTTP or processors: triage, SLA, workflow, merge and the queue read side.
 * Registers the report and user entities too, which the case relations point at.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...CASE_ENTITIES, ...REPORT_ENTITIES, User]),
    FundsModule,
    QueueModule,
  ],
  providers: CORE_SERVICES,
  exports: [TypeOrmModule, ...CORE_SERVICES],
})
export class CasesModule {}

/** The staff HTTP API: the queue and the case workflow (API app). */
@Module({
  imports: [CasesModule, IdentityModule, FundsApiModule, PiiModule],
  controllers: [CasesController],
})
export class CasesApiModule {}

/** The triage and SLA processors and the triage sweep (worker app). */
@Module({
  imports: [CasesModule, QueueModule],
  providers: [ReportTriageProcessor, CaseSlaProcessor, TriageSweepProcessor, TriageSweepService],
})
export class CasesWorkerModule {}
