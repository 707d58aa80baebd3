import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoanWriteoff } from './entities';
import { LoanWriteoffsService } from './loan-writeoffs.service';

/** Loan write-offs without HTTP: the service the case view reads through. */
@Module({
  imports: [TypeOrmModule.forFeature([LoanWriteoff])],
  providers: [LoanWriteoffsService],
  exports: [LoanWriteoffsService],
})
export class LoansModule {}
