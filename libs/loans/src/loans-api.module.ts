import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { PiiModule } from '@app/common';
import { IdentityModule } from '@app/identity';
import { LoanLetterService } from './loan-letter.service';
import { LoanWriteoffsController } from './loan-writeoffs.controller';
import { LoansModule } from './loans.module';

/** The loan write-offs HTTP API and the letter (API app only). */
@Module({
  imports: [LoansModule, IdentityModule, AuditModule, PiiModule],
  controllers: [LoanWriteoffsController],
  providers: [LoanLetterService],
})
export class LoansApiModule {}
