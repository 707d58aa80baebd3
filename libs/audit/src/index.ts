export * from './entities';
export * from './audit.module';
export * from './audit.service';
