export * from './entities';
export * from './freeze-requests/freeze-requests.service';
export * from './funds.module';
export * from './summary/funds-summary.service';
