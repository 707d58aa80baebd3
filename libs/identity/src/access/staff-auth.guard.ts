import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/common';
import { AuditService } from '@app/audit';
import { StaffAuthService } from '../auth/staff-auth.service';
import { AccessDeniedProblem } from './access.problems';
import { clientIp, routeOf, StaffRequest } from './request-context';

export const ROLES_KEY = 'identity:roles';

/**
 * Applied by `@Auth()`: authenticates the bearer token (401 otherwise) and checks the role
 * list (403 otherwise, audited as `access.denied`).
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: StaffAuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    // @Auth() on both a controller and a method runs this guard twice: authenticate once.
    const principal = req.user ?? (await this.auth.authenticate(req.headers.authorization));
    req.user = principal;
    const roles =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (roles.length > 0 && !roles.includes(principal.role)) {
      // Written here: a guard's exception never passes through interceptors.
      await this.audit.record({
        actorId: principal.id,
        actorRole: principal.role,
        action: 'access.denied',
        route: routeOf(req),
        ip: clientIp(req),
        detail: { reason: 'role', required: roles },
      });
      throw new AccessDeniedProblem('role');
    }
    return true;
  }
}
