export * from './citizen-notice.entity';
