export * from './loan-writeoff.entity';
