import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule, PiiModule } from '@app/common';
import { QueueModule } from '@app/queue';
import { NoticeDeliveryService } from './delivery/notice-delivery.service';
import { CitizenNoticeProcessor } from './delivery/citizen-notice.processor';
import { CitizenNotice } from './entities';
import { NoticeRelay } from './outbox/notice-relay.service';
import { EmailTransport } from './transports/email.transport';
import { SmsTransport } from './transports/sms.transport';

/** The notice relay, the sender and its transports (worker app; docs/notices.md). */
@Module({
  imports: [TypeOrmModule.forFeature([CitizenNotice]), QueueModule, PiiModule, MetricsModule],
  providers: [
    NoticeRelay,
    NoticeDeliveryService,
    CitizenNoticeProcessor,
    EmailTransport,
    SmsTransport,
  ],
  exports: [NoticeRelay, NoticeDeliveryService],
})
export class NoticesWorkerModule {}
