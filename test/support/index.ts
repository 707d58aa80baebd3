export * from './env';
export * from './test-app';
export * from './test-database';
