import type { Region } from '@app/common';
import { AccessDeniedProblem, AccessTarget } from './access.problems';
import type { StaffPrincipal } from './staff-principal';

/**
 * The only region a principal may read, or null for national access (admins, national
 * supervisors). Query code filters with it: `if (scope) qb.andWhere('c.region = :scope', ...)`.
 */
export function regionScope(principal: StaffPrincipal): Region | null {
  if (principal.role === 'admin') return null;
  return principal.region;
}

/** True when the principal may see records of `region`. */
export function canAccessRegion(principal: StaffPrincipal, region: Region | string): boolean {
  const scope = regionScope(principal);
  return scope === null || scope === region;
}

/**
 * Throws a 403 when `region` is outside the principal's scope. The throw is audited: the global
 * AccessAuditInterceptor writes an `access.denied` row (actor, route, ip, target, reason) before
 * the response is sent, for every `ForbiddenProblem` that leaves a handler.
 */
export function assertRegion(
  principal: StaffPrincipal,
  region: Region | string,
  target: AccessTarget,
): void {
  if (!canAccessRegion(principal, region)) throw new AccessDeniedProblem('region', target);
}

/**
 * The region a list or figure request may see: the one asked for (a 403, audited, outside the
 * caller's scope), else the caller's own region, or null (everything) for national staff.
 */
export function scopedRegion(
  principal: StaffPrincipal,
  asked: Region | undefined,
  target: AccessTarget['type'] = 'region',
): Region | null {
  if (asked !== undefined) {
    assertRegion(principal, asked, { type: target, id: asked });
    return asked;
  }
  return regionScope(principal);
}
