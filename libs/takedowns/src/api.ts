export { TakedownsApiModule } from './takedowns-api.module';
