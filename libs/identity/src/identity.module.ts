import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditModule } from '@app/audit';
import { StaffAuthGuard } from './access/staff-auth.guard';
import { StaffAuthService } from './auth/staff-auth.service';
import { TokenService } from './auth/token.service';
import { LoginThrottle, StaffSession, User } from './entities';
import { SessionService } from './sessions/session.service';

/**
 * Staff identity without HTTP: the `users` entity, token and session verification and the
 * `@Auth()` guard.
 * Global, because `@Auth()` guards are built in the module of the controller that uses them;
 * importing it explicitly (`imports: [IdentityModule]`) is still the clear thing to do.
 * Re-exports AuditModule, so `AuditService` is injectable wherever this module is imported.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, LoginThrottle, StaffSession]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.secrets.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [TokenService, SessionService, StaffAuthService, StaffAuthGuard],
  exports: [
    TypeOrmModule,
    AuditModule,
    TokenService,
    SessionService,
    StaffAuthService,
    StaffAuthGuard,
  ],
})
export class IdentityModule {}
