import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { QueueModule } from '@app/queue';
import { AccessAuditInterceptor } from './access/access-audit.interceptor';
import { QueueDashboardController } from './admin-queues/queue-dashboard.controller';
import { QueueDashboardService } from './admin-queues/queue-dashboard.service';
import { AuthController } from './auth/auth.controller';
import { LoginAttemptsService } from './auth/login-attempts.service';
import { LoginService } from './auth/login.service';
import { BootstrapAdminService } from './bootstrap/bootstrap-admin.service';
import { IdentityModule } from './identity.module';
import { SessionController } from './sessions/session.controller';
import { RateLimitModule } from './throttling/rate-limit.module';
import { AdminUsersController } from './users/admin-users.controller';
import { OwnPasswordService } from './users/own-password.service';
import { UsersService } from './users/users.service';

/**
 * The API side of identity: sign-in (bearer token and console session), /me, admin user management, the admin queue dashboard
 * (`/admin/queues`), the first-admin bootstrap, and two app-wide pieces: rate limiting
 * (RateLimitModule) and the access-denial audit interceptor. Listed once in
 * apps/api/src/feature-modules.ts.
 */
@Module({
  imports: [IdentityModule, QueueModule, RateLimitModule],
  controllers: [AuthController, SessionController, AdminUsersController, QueueDashboardController],
  providers: [
    UsersService,
    OwnPasswordService,
    LoginService,
    LoginAttemptsService,
    BootstrapAdminService,
    QueueDashboardService,
    { provide: APP_INTERCEPTOR, useClass: AccessAuditInterceptor },
  ],
  exports: [UsersService],
})
export class IdentityApiModule {}
