import { Type } from '@nestjs/common';
import { CasesApiModule } from '@app/cases';
import { FundsApiModule } from '@app/funds';
import { IdentityApiModule } from '@app/identity';
import { InvestigationApiModule } from '@app/investigation';
import { ReportsApiModule } from '@app/reports';
import { StatsApiModule } from '@app/stats';

/** Domain modules whose controllers the API serves. One line per domain. */
export const API_FEATURE_MODULES: Type[] = [
  IdentityApiModule,
  ReportsApiModule,
  FundsApiModule,
  CasesApiModule,
  InvestigationApiModule,
  StatsApiModule,
];
