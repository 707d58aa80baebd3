export * from './user.entity';
export * from './login-throttle.entity';
export * from './staff-session.entity';
