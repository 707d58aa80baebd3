export * from './user.entity';
export * from './login-throttle.entity';
