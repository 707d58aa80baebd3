/**
 * Every scenario of `npm run bench`, in the order they run. A scenario is a module in this
 * folder exporting a `Scenario` (tools/bench/harness/scenario.ts); add it to this list.
 */
import type { Scenario } from '../harness/scenario';
import { intake } from './intake';

export const SCENARIOS: Scenario[] = [intake];
