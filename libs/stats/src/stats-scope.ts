import { BadRequestProblem } from '@app/common';
import type { FraudType, Region } from '@app/common';
import { scopedRegion, StaffPrincipal } from '@app/identity';
import { checkPeriod, Period, resolvePeriod } from './period';

export interface StatsFilter {
  period: Period;
  region: Region | null;
  fraudType: FraudType | null;
}

/** Stats requests are region-scoped like every other read; a 403 names the `stats` target. */
export const scopedStatsRegion = (user: StaffPrincipal, asked: Region | undefined): Region | null =>
  scopedRegion(user, asked, 'stats');

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
  const region = scopedStatsRegion(user, query.region);
  const period = resolveWindow(query, timeZone, maxDays);
  return { period, region, fraudType: query.fraudType ?? null };
}
