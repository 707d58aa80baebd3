import { Type } from '@nestjs/common';
import { CasesWorkerModule } from '@app/cases';
import { ReportsWorkerModule } from '@app/reports';

/** Domain modules that hold processors, relays and schedulers. One line per domain. */
export const WORKER_FEATURE_MODULES: Type[] = [ReportsWorkerModule, CasesWorkerModule];
