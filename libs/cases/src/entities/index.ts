export * from './case-counter.entity';
export * from './case-event.entity';
export * from './case-identifier.entity';
export * from './case.entity';
export * from './offender-record.entity';
export * from './case-flag.entity';
