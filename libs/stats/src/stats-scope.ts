import { BadRequestProblem } from '@app/common';
import type { FraudType, Region } from '@app/common';
import { assertRegion, regionScope, StaffPrincipal } from '@app/identity';
import { Period, periodProblem, resolvePeriod } from './period';

export interface StatsFilter {
  period: Period;
  region: Region | null;
  fraudType: FraudType | null;
}

/**
 * The region a request may see: a regional supervisor always gets their own region (asking
 * for another one is a 403, audited); national staff get what they ask for, or everything.
 */
export function scopedRegion(user: StaffPrincipal, asked: Region | undefined): Region | null {
  const scope = regionScope(user);
  if (asked !== undefined) {
    assertRegion(user, asked, { type: 'stats', id: asked });
    return asked;
  }
  return scope;
}

export function resolveFilter(
  user: StaffPrincipal,
  query: { from?: string; to?: string; region?: Region; fraudType?: FraudType },
  timeZone: string,
): StatsFilter {
  const region = scopedRegion(user, query.region);
  const period = resolvePeriod(query.from, query.to, timeZone);
  const problem = periodProblem(period);
  if (problem !== null) throw new BadRequestProblem(problem, [{ field: 'from', message: problem }]);
  return { period, region, fraudType: query.fraudType ?? null };
}
