import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '@app/common';
import { IdentityModule } from '@app/identity';
import { QueueModule } from '@app/queue';
import { ReportsModule } from '@app/reports';
import { CaseCounter, CaseEvent, CaseFlag, CaseIdentifier, Case, OffenderRecord } from './entities';
import { CaseMergeService } from './merge/case-merge.service';
import { CaseQueueService } from './queue/case-queue.service';
import { SlaTimersService } from './sla/sla-timers.service';
import { SlaService } from './sla/sla.service';
import { TriageService } from './triage/triage.service';
import { CaseRecordsService } from './workflow/case-records.service';
import { CaseWorkflowService } from './workflow/case-workflow.service';
import { CaseFlagsService } from './flags/case-flags.service';

export const CASE_ENTITIES = [
  Case,
  CaseIdentifier,
  CaseEvent,
  OffenderRecord,
  CaseCounter,
  CaseFlag,
];

/** Provided and exported by CasesModule: the services both apps use. */
const CORE_SERVICES = [
  TriageService,
  SlaService,
  SlaTimersService,
  CaseQueueService,
  CaseWorkflowService,
  CaseRecordsService,
  CaseMergeService,
  CaseFlagsService,
];

/**
 * Cases without HTTP or processors: triage, SLA, workflow, merge and the queue read side.
 * Triage's freeze requests and a merge's money go through CASE_MONEY, which the funds lib
 * (above this one) provides globally.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(CASE_ENTITIES),
    ReportsModule,
    IdentityModule,
    QueueModule,
    MetricsModule,
  ],
  providers: CORE_SERVICES,
  exports: [TypeOrmModule, ...CORE_SERVICES],
})
export class CasesModule {}
