export * from './investigation-api.module';
