import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { FundsLedger1763840000000 } from './1763840000000-FundsLedger';
import { StatsRollups1763840000001 } from './1763840000001-StatsRollups';
import { CaseWorkflow1763830000000 } from './1763830000000-CaseWorkflow';

// Run in this order; append new migrations at the end.
export const MIGRATIONS: (new () => object)[] = [
  InitialSchema1763800000000,
  FundsLedger1763840000000,
  StatsRollups1763840000001,
  CaseWorkflow1763830000000,
];
