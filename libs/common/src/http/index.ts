export * from './logger.module';
export * from './log-url';
export * from './redact-paths';
export * from './json-shape';
export * from './keyset-cursor';
export * from './cursor-page';
