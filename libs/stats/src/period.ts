/**
 * Report periods are half-open ranges of calendar dates `[from, to)` in the reporting time
 * zone, as `YYYY-MM-DD`. Date arithmetic here is on calendar dates only (UTC midnight stands
 * for a date), so no time zone offset is involved; turning instants into dates is PostgreSQL's
 * job (`stats_day`).
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
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
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

/** `YYYY-MM` of every month that overlaps the period, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number);
  const last = addDays(period.to, -1).slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export interface Segment {
  grain: 'daily' | 'monthly';
  from: string;
  to: string;
}

/**
 * The period as whole months (read from the monthly rollups) plus the days before the first
 * and after the last whole month (read from the daily ones).
 */
export function segments(period: Period): Segment[] {
  const firstMonth = period.from.endsWith('-01')
    ? period.from
    : `${addDays(`${period.from.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const lastMonthEnd = `${period.to.slice(0, 7)}-01`;
  if (firstMonth >= lastMonthEnd) return [{ grain: 'daily', ...period }];
  const out: Segment[] = [];
  if (period.from < firstMonth) out.push({ grain: 'daily', from: period.from, to: firstMonth });
  out.push({ grain: 'monthly', from: firstMonth, to: lastMonthEnd });
  if (lastMonthEnd < period.to) out.push({ grain: 'daily', from: lastMonthEnd, to: period.to });
  return out;
}
