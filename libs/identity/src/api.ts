export { IdentityApiModule } from './identity-api.module';
