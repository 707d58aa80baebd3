export { FundsApiModule } from './funds-api.module';
