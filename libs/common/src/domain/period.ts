/**
 * Report periods are half-open ranges of calendar dates `[from, to)` in the reporting time
 * zone, as `YYYY-MM-DD`. Date arithmetic here is on calendar dates only (UTC midnight stands
 * for a date), so no time zone offset is involved; turning instants into dates is PostgreSQL's
 * job (`stats_day`, `AT TIME ZONE`). Shared by the stats totals and the identifier rankings.
 */
export interface Period {
  from: string;
  to: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 3660;
export const DEFAULT_PERIOD_DAYS = 30;

/** Milliseconds of UTC midnight of a `YYYY-MM-DD`, or null when it is not a real date. */
export function parseDate(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return null;
  const [, y, m, d] = match.map(Number);
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  const time = date.getTime();
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return time;
}

export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const time = parseDate(date);
  if (time === null) throw new RangeError(`not a date: ${date}`);
  return formatDate(time + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to)! - parseDate(from)!) / DAY_MS);
}

/** Today's date in a time zone (ICU's tz database). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The period asked for, with defaults: `to` = tomorrow (today included), `from` = to − 30 days. */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
  now: Date = new Date(),
): Period {
  const end = to ?? addDays(todayIn(timeZone, now), 1);
  const start = from ?? addDays(end, -DEFAULT_PERIOD_DAYS);
  return { from: start, to: end };
}

/** Why a period is unusable, or null. */
export function periodProblem(period: Period): string | null {
  if (parseDate(period.from) === null) return 'from must be a date YYYY-MM-DD';
  if (parseDate(period.to) === null) return 'to must be a date YYYY-MM-DD';
  const days = daysBetween(period.from, period.to);
  if (days <= 0) return 'from must be before to (the period is [from, to))';
  if (days > MAX_PERIOD_DAYS) return `a period may span at most ${MAX_PERIOD_DAYS} days`;
  return null;
}

/** The period of equal length immediately before. */
export function previousPeriod(period: Period): Period {
  const days = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -days), to: period.from };
}
