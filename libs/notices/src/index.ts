export * from './entities';
export { queueCitizenNotices } from './outbox/notice-outbox';
export type { NoticeAudience, NoticeCause } from './outbox/notice-outbox';
