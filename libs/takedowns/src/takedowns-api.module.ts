import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { TakedownsController } from './takedowns.controller';
import { TakedownsModule } from './takedowns.module';

/** The takedowns HTTP API (API app only). */
@Module({
  imports: [TakedownsModule, IdentityModule],
  controllers: [TakedownsController],
})
export class TakedownsApiModule {}
