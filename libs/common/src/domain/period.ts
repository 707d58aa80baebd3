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

/** One formatter per time zone: each new one costs native ICU memory the GC does not see. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone (ICU's tz database). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
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

/**
 * The dates the product reports on. Beyond them date arithmetic leaves `YYYY-MM-DD` (year
 * 10000) and nothing was ever recorded (the service did not exist before 2000).
 */
export const FIRST_PERIOD_DATE = '2000-01-01';
export const LAST_PERIOD_DATE = '2100-12-31';

export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/**
 * Why a period is unusable, one entry per field to blame (both dates when both are out of
 * bounds), or an empty list. `maxDays` is the longest span the caller can answer.
 */
export function checkPeriod(period: Period, maxDays = MAX_PERIOD_DAYS): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = period[field];
    if (parseDate(value) === null) {
      problems.push({ field, message: `${field} must be a date YYYY-MM-DD` });
    } else if (value < FIRST_PERIOD_DATE || value > LAST_PERIOD_DATE) {
      const message = `${field} must be between ${FIRST_PERIOD_DATE} and ${LAST_PERIOD_DATE}`;
      problems.push({ field, message });
    }
  }
  if (problems.length > 0) return problems;
  const days = daysBetween(period.from, period.to);
  if (days <= 0)
    return [{ field: 'from', message: 'from must be before to (the period is [from, to))' }];
  if (days > maxDays)
    return [{ field: 'from', message: `a period may span at most ${maxDays} days` }];
  return [];
}

/** Why a period is unusable, or null (the first message of checkPeriod). */
export function periodProblem(period: Period, maxDays = MAX_PERIOD_DAYS): string | null {
  return checkPeriod(period, maxDays)[0]?.message ?? null;
}

/** The period of equal length immediately before. */
export function previousPeriod(period: Period): Period {
  const days = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -days), to: period.from };
}
