import { Type } from '@nestjs/common';

/** Domain modules whose controllers the API serves. One line per domain. */
export const API_FEATURE_MODULES: Type[] = [];
