export { ReportsWorkerModule } from './reports-worker.module';
