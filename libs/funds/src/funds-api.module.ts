import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import {
  CaseFundsController,
  FreezesController,
  FundsRecordsController,
} from './funds.controllers';
import { FreezesService } from './freezes/freezes.service';
import { ReleasesService } from './freezes/releases.service';
import { FundsModule } from './funds.module';
import { ReimbursementsService } from './reimbursements/reimbursements.service';

/** The funds HTTP API (docs/money.md). */
@Module({
  imports: [IdentityModule, FundsModule],
  controllers: [CaseFundsController, FreezesController, FundsRecordsController],
  providers: [FreezesService, ReleasesService, ReimbursementsService],
})
export class FundsApiModule {}
