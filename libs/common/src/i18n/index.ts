export * from './catalogue';
export * from './citizen-timeline.catalogue';
export * from './citizen-notice.catalogue';
