import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/common';
import { AuditService } from '@app/audit';
import { StaffAuthService } from '../auth/staff-auth.service';
import { CsrfProblem } from '../sessions/session.problems';
import { AccessDeniedProblem } from './access.problems';
import { clientIp, routeOf, StaffRequest } from './request-context';
import type { StaffPrincipal } from './staff-principal';

export const ROLES_KEY = 'identity:roles';

/**
 * Applied by `@Auth()`: authenticates the bearer token or the session cookie (401 otherwise;
 * 403 for a cookie request without its CSRF token) and checks the role list (403 otherwise).
 * Both 403s are audited as `access.denied`.
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
    const principal = req.user ?? (await this.authenticate(req));
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

  /** A CSRF refusal is an access denial too: written here, as a guard's 403 skips interceptors. */
  private async authenticate(req: StaffRequest): Promise<StaffPrincipal> {
    try {
      return await this.auth.authenticate(req);
    } catch (err) {
      if (err instanceof CsrfProblem) {
        await this.audit.record({
          actorId: err.actor?.id ?? null,
          actorRole: err.actor?.role ?? null,
          action: 'access.denied',
          route: routeOf(req),
          ip: clientIp(req),
          detail: { reason: err.csrfCode },
        });
      }
      throw err;
    }
  }
}
