/**
 * Every scenario of `npm run bench`, in the order they run. A scenario is a module in this
 * folder exporting a `Scenario` (tools/bench/harness/scenario.ts); add it to this list.
 */
import type { Scenario } from '../harness/scenario';
import { endToEnd, endToEndFastPoll } from './end-to-end';
import { intake } from './intake';
import { memory } from './memory';
import { scenario as reads10m } from './reads-10m';
import { scenario as reads1m } from './reads-1m';
import { replicas } from './replicas';
import { claimNext } from './claim-next';
import { triageDrain, triagePyramid } from './triage';

export const SCENARIOS: Scenario[] = [
  intake,
  endToEnd,
  endToEndFastPoll,
  replicas,
  memory,
  triageDrain,
  triagePyramid,
  claimNext,
  reads1m,
  reads10m,
];
