export * from './catalogue';
export * from './citizen-timeline.catalogue';
