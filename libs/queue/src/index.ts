export * from './queue-names';
export * from './queue.module';
export * from './redis';
export * from './redis-client.provider';
export * from './background-schedules';
export * from './logged-bullmq';

export * from './jobs';
