export * from './pii.module';
export * from './pii.service';
