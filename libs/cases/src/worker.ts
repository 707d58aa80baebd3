export { CasesWorkerModule } from './cases-worker.module';
export { TriageSweepService } from './triage/triage-sweep.service';
export type { TriageSweepResult } from './triage/triage-sweep.service';
export { SlaService } from './sla/sla.service';
