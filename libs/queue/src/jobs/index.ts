export * from './job-contracts';
export * from './job-data';
export * from './contract-processor';
export * from './job-handlers.check';
