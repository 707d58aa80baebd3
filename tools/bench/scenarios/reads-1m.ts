import type { Scenario } from '../harness/scenario';
import { readsScenario } from '../reads-scenario';

/** Case reads, identifier search and totals on 1 M reports (quick: 100 k). */
export const scenario: Scenario = readsScenario('reads-1m', 1_000_000);
