export * from './audit-log.entity';
