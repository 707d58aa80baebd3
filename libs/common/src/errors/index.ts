export * from './domain.exception';
export * from './problem-details';
export * from './problem-details.filter';
export * from './pg-errors';
export * from './outage';
