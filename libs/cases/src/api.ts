export { CasesApiModule } from './cases-api.module';
