export * from './money';
export * from './identifiers';
export * from './card-text';
export * from './suspect-identifier';
export * from './iin';
export * from './validation';
export * from './crypto';
export * from './period';
