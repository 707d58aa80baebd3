export * from './metric-names';
export * from './fraud-metrics';
export * from './metrics.module';
export * from './http-metrics.middleware';
export * from './scrape-sample';
