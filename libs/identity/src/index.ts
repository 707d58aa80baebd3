export * from './entities';
export * from './identity.module';
export * from './access/staff-principal';
export * from './access/access.problems';
export * from './access/region-scope';
export * from './access/auth.decorators';
export * from './access/request-context';
export * from './throttling/rate-limit.decorator';
