import { addDays } from '@app/common';
import type { Period } from '@app/common';

// The period rules are shared with the identifier rankings (libs/cases) and live in
// @app/common; re-exported so the stats files read periods from one place.
export {
  addDays,
  checkPeriod,
  daysBetween,
  DEFAULT_PERIOD_DAYS,
  FIRST_PERIOD_DATE,
  formatDate,
  LAST_PERIOD_DATE,
  MAX_PERIOD_DAYS,
  parseDate,
  periodProblem,
  previousPeriod,
  resolvePeriod,
  todayIn,
} from '@app/common';
export type { Period, PeriodProblem } from '@app/common';

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
