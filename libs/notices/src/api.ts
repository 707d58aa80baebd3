export { NoticesApiModule } from './notices-api.module';
