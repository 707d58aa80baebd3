import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { UndeliveredNoticesController } from './admin/undelivered-notices.controller';
import { UndeliveredNoticesService } from './admin/undelivered-notices.service';
import { CitizenNotice } from './entities';

/** The admins' list of undelivered citizen notices (API app). */
@Module({
  imports: [TypeOrmModule.forFeature([CitizenNotice]), IdentityModule],
  controllers: [UndeliveredNoticesController],
  providers: [UndeliveredNoticesService],
})
export class NoticesApiModule {}
