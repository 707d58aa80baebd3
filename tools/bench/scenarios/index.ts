/**
 * Every scenario of `npm run bench`, in the order they run. A scenario is a module in this
 * folder exporting a `Scenario` (tools/bench/harness/scenario.ts); add it to this list.
 */
import type { Scenario } from '../harness/scenario';
import { endToEnd, endToEndFastPoll } from './end-to-end';
import { intake } from './intake';
import { memory } from './memory';
import { replicas } from './replicas';

export const SCENARIOS: Scenario[] = [intake, endToEnd, endToEndFastPoll, replicas, memory];
