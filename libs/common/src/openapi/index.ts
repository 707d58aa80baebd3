export * from './problem.schema';
export * from './properties';
export * from './period.dto';
