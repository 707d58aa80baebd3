import { Processor } from '@nestjs/bullmq';
import { CITIZEN_NOTICE_JOB, ContractProcessor, handleJob, QueueName } from '@app/queue';
import { NoticeDeliveryService } from './notice-delivery.service';

/** `citizen-notices`: sends one notice per job, at most once (NoticeDeliveryService). */
@Processor(QueueName.CitizenNotices, { concurrency: 4 })
export class CitizenNoticeProcessor extends ContractProcessor {
  readonly handlers = [
    handleJob(CITIZEN_NOTICE_JOB, ({ noticeId }) => this.delivery.deliver(noticeId)),
  ];

  constructor(private readonly delivery: NoticeDeliveryService) {
    super();
  }
}
