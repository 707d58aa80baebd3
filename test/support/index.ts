export * from './env';
export * from './test-app';
export * from './test-database';
export * from './reports';
export * from './staff';
export * from './rbac-matrix';
export * from './redis-outage';
export * from './db-scan';
