import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StatsController } from './stats.controller';
import { StatsModule } from './stats.module';

/** `GET /stats/*` for supervisors and admins. */
@Module({
  imports: [IdentityModule, StatsModule],
  controllers: [StatsController],
})
export class StatsApiModule {}
