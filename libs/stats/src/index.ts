export * from './figures';
export * from './period';
export * from './stats.module';
export * from './stats-query.service';
export * from './queue-stats.service';
