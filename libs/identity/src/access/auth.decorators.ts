import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import type { Role } from '@app/common';
import { UnauthorizedProblem } from './access.problems';
import type { StaffRequest } from './request-context';
import { ROLES_KEY, StaffAuthGuard } from './staff-auth.guard';
import type { StaffPrincipal } from './staff-principal';

/**
 * Staff-only route (on a handler or a controller class), signed in by a bearer token or by the
 * console's session cookie (with X-CSRF-Token on unsafe methods). `@Auth()` = any active staff member;
 * `@Auth('supervisor', 'admin')` = those roles only. Missing/invalid/revoked token: 401; wrong
 * role: 403, audited. Region checks are the handler's job: `assertRegion` / `regionScope`.
 */
export function Auth(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(StaffAuthGuard),
    ApiBearerAuth(),
    ApiCookieAuth('session'),
    ApiProblems(
      [401, 'Missing, invalid, expired or revoked token or session'],
      [
        403,
        'Role or region not allowed, or (signed in by the session cookie) an unsafe method ' +
          'without the right X-CSRF-Token',
      ],
    ),
  );
}

/** The `StaffPrincipal` of an `@Auth()` route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const user = context.switchToHttp().getRequest<StaffRequest>().user;
    // Only reachable when a handler uses @CurrentUser() without @Auth(): fail closed.
    if (!user) throw new UnauthorizedProblem();
    return user;
  },
);
