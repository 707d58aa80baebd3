export * from './errors';
export * from './http';
export * from './validation';
export * from './domain';
export * from './domain-constants';
