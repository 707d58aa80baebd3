export { InvestigationApiModule } from './investigation-api.module';
