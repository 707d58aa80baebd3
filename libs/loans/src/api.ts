export { LoansApiModule } from './loans-api.module';
