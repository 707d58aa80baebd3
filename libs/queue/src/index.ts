export * from './queue-names';
export * from './queue.module';
export * from './redis';
export * from './redis-client.provider';
