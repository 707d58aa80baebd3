export * from './evidence.entity';
export * from './outbox-message.entity';
export * from './reference-counter.entity';
export * from './report-identifier.entity';
export * from './report-statement.entity';
export * from './report-transaction.entity';
export * from './report.entity';
