export * from './money';
export * from './identifiers';
export * from './card-text';
export * from './iin';
export * from './validation';
export * from './crypto';
export * from './period';
export * from './report-reference';
