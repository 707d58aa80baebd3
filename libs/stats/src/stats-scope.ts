import { BadRequestProblem } from '@app/common';
import type { FraudType, Region } from '@app/common';
import { assertRegion, regionScope, StaffPrincipal } from '@app/identity';
import { checkPeriod, Period, resolvePeriod } from './period';

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

/** The period asked for (with defaults), or a 400 naming `from` or `to`. */
export function resolveWindow(
  query: { from?: string; to?: string },
  timeZone: string,
  maxDays?: number,
): Period {
  const period = resolvePeriod(query.from, query.to, timeZone);
  const problems = checkPeriod(period, maxDays);
  if (problems.length > 0) throw new BadRequestProblem(problems[0].message, problems);
  return period;
}

export function resolveFilter(
  user: StaffPrincipal,
  query: { from?: string; to?: string; region?: Region; fraudType?: FraudType },
  timeZone: string,
  maxDays?: number,
): StatsFilter {
  const region = scopedRegion(user, query.region);
  const period = resolveWindow(query, timeZone, maxDays);
  return { period, region, fraudType: query.fraudType ?? null };
}
