import { Type } from '@nestjs/common';
import { CasesApiModule } from '@app/cases/api';
import { FundsModule } from '@app/funds';
import { FundsApiModule } from '@app/funds/api';
import { IdentityApiModule } from '@app/identity/api';
import { InvestigationApiModule } from '@app/investigation/api';
import { ReportsApiModule } from '@app/reports/api';
import { StatsApiModule } from '@app/stats/api';
import { LoansApiModule } from '@app/loans/api';
import { TakedownsApiModule } from '@app/takedowns/api';
import { NoticesApiModule } from '@app/notices/api';

/**
 * Domain modules whose controllers the API serves, one line per domain; each comes from its
 * lib's `api` entry point. FundsModule provides the cases → money port (docs/development.md).
 */
export const API_FEATURE_MODULES: Type[] = [
  IdentityApiModule,
  ReportsApiModule,
  FundsModule,
  FundsApiModule,
  CasesApiModule,
  TakedownsApiModule,
  LoansApiModule,
  InvestigationApiModule,
  StatsApiModule,
  NoticesApiModule,
];
