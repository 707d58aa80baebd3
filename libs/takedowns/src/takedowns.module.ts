import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiModule } from '@app/common';
import { Takedown } from './entities';
import { TakedownsService } from './takedowns.service';

/** Takedowns without HTTP: the service the case view and the public lookup read through. */
@Module({
  imports: [TypeOrmModule.forFeature([Takedown]), PiiModule],
  providers: [TakedownsService],
  exports: [TakedownsService],
})
export class TakedownsModule {}
