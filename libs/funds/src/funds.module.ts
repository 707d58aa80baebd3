import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CASE_MONEY } from '@app/cases';
import { FundsCaseMoney } from './case-money.adapter';
import {
  Freeze,
  FreezeRelease,
  FreezeRequest,
  Reimbursement,
  ReimbursementReversal,
} from './entities';
import { FreezeRequestsService } from './freeze-requests/freeze-requests.service';
import { FundsSummaryService } from './summary/funds-summary.service';

export const FUNDS_ENTITIES = [
  FreezeRequest,
  Freeze,
  FreezeRelease,
  Reimbursement,
  ReimbursementReversal,
];

/**
 * Funds without HTTP, in both apps. Global because it provides CASE_MONEY, the port that the
 * cases lib (below funds) calls for triage's freeze requests and a merge's money: cases cannot
 * import funds, so the provider must be visible to it without an import.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(FUNDS_ENTITIES)],
  providers: [
    FreezeRequestsService,
    FundsSummaryService,
    FundsCaseMoney,
    { provide: CASE_MONEY, useExisting: FundsCaseMoney },
  ],
  exports: [TypeOrmModule, FreezeRequestsService, FundsSummaryService, CASE_MONEY],
})
export class FundsModule {}
