export { StatsApiModule } from './stats-api.module';
