import type { Scenario } from '../harness/scenario';
import { readsScenario } from '../reads-scenario';

/** Case reads, identifier search and totals on 10 M reports (quick: 100 k); loading takes a while. */
export const scenario: Scenario = readsScenario('reads-10m', 10_000_000);
