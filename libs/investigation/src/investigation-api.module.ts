import { Module } from '@nestjs/common';
import { FundsApiModule } from '@app/funds';
import { IdentityModule } from '@app/identity';
import { CaseDetailController } from './cases/case-detail.controller';
import { CaseDetailService } from './cases/case-detail.service';

/**
 * Read models that join several domains (reports, cases, funds): the case detail, the staff
 * report view, identifier search and the citizen status page (API app). Owns no tables and
 * writes nothing; it sits above reports, cases and funds, and nothing imports it but the app.
 */
@Module({
  imports: [FundsApiModule, IdentityModule],
  controllers: [CaseDetailController],
  providers: [CaseDetailService],
})
export class InvestigationApiModule {}
