export { ReportsApiModule } from './reports-api.module';
