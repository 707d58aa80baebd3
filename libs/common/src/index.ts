export * from './errors';
export * from './http';
export * from './validation';
export * from './domain';
export * from './domain-constants';
export * from './pii';
export * from './openapi';
