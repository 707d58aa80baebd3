import { Type } from '@nestjs/common';

/** Domain modules that hold processors, relays and schedulers. One line per domain. */
export const WORKER_FEATURE_MODULES: Type[] = [];
