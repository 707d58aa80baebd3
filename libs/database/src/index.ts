export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './preflight';
export * from './sql';
