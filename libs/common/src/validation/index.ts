export * from './validation.pipe';
export * from './uuid';
export * from './query-int';
export * from './path-id.pipe';
