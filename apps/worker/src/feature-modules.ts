import { Type } from '@nestjs/common';
import { CasesWorkerModule } from '@app/cases/worker';
import { FundsModule } from '@app/funds';
import { QueueWorkerModule } from '@app/queue';
import { ReportsWorkerModule } from '@app/reports/worker';
import { NoticesWorkerModule } from '@app/notices/worker';

/**
 * Domain modules that hold processors, relays and schedulers, from each lib's `worker` entry
 * point: no controller file is loaded here. FundsModule provides the cases → money port, and
 * QueueWorkerModule refuses to start while a job contract has no handler.
 */
export const WORKER_FEATURE_MODULES: Type[] = [
  ReportsWorkerModule,
  FundsModule,
  CasesWorkerModule,
  NoticesWorkerModule,
  QueueWorkerModule,
];
