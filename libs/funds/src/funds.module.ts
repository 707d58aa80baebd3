import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  Freeze,
  FreezeRelease,
  FreezeRequest,
  Reimbursement,
  ReimbursementReversal,
} from './entities';
import { FreezeRequestsService } from './freeze-requests/freeze-requests.service';

/** Funds services and entities, without controllers: usable by the worker (triage). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      FreezeRequest,
      Freeze,
      FreezeRelease,
      Reimbursement,
      ReimbursementReversal,
    ]),
  ],
  providers: [FreezeRequestsService],
  exports: [TypeOrmModule, FreezeRequestsService],
})
export class FundsModule {}
