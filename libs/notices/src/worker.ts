export { NoticesWorkerModule } from './notices-worker.module';
export { NoticeRelay } from './outbox/notice-relay.service';
export { NoticeDeliveryService } from './delivery/notice-delivery.service';
export type { DeliveryOutcome } from './delivery/notice-delivery.service';
