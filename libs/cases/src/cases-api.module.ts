import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { CasesController } from './cases.controller';
import { CasesModule } from './cases.module';

/** The staff HTTP API of cases: queue, claims, workflow, notes, offenders, merge (API app). */
@Module({
  imports: [CasesModule, IdentityModule],
  controllers: [CasesController],
})
export class CasesApiModule {}
