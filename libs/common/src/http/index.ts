export * from './logger.module';
export * from './redact-paths';
export * from './json-shape';
export * from './keyset-cursor';
