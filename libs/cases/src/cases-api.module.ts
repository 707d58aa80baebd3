import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { CasesController } from './cases.controller';
import { CasesModule } from './cases.module';
import { CaseFlagsController } from './flags/case-flags.controller';

/** The staff HTTP API of cases: queue, claims, workflow, notes, offenders, flags, merge (API app). */
@Module({
  imports: [CasesModule, IdentityModule],
  controllers: [CasesController, CaseFlagsController],
})
export class CasesApiModule {}
