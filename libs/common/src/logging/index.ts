export * from './throttled-error-log';
