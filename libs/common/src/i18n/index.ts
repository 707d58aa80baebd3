export * from './catalogue';
export * from './citizen-notice.catalogue';
