import { addDays, checkPeriod, parseDate, periodProblem, resolvePeriod } from './period';

describe('period', () => {
  it('reads years below 100 as themselves (Date.UTC would make them 19xx)', () => {
    expect(parseDate('0050-01-01')).not.toBeNull();
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(parseDate('2025-02-29')).toBeNull();
  });

  it('defaults to the last 30 days, today included, in the given time zone', () => {
    // 20:30 UTC on 31 Jan is already 1 Feb in Almaty (UTC+5).
    const now = new Date('2026-01-31T20:30:00Z');
    expect(resolvePeriod(undefined, undefined, 'Asia/Almaty', now)).toEqual({
      from: '2026-01-03',
      to: '2026-02-02',
    });
    expect(resolvePeriod(undefined, '2026-03-01', 'UTC', now)).toEqual({
      from: '2026-01-30',
      to: '2026-03-01',
    });
    expect(periodProblem({ from: '2026-01-03', to: '2026-02-02' })).toBeNull();
  });

  it('bounds periods to 2000-01-01 … 2100-12-31 and names each field at fault', () => {
    expect(checkPeriod({ from: '9999-12-01', to: '9999-12-31' }).map((p) => p.field)).toEqual([
      'from',
      'to',
    ]);
    expect(checkPeriod({ from: '0001-01-01', to: '2026-01-01' })).toEqual([
      { field: 'from', message: 'from must be between 2000-01-01 and 2100-12-31' },
    ]);
    expect(checkPeriod({ from: '2100-12-01', to: '2101-01-01' })[0].field).toBe('to');
    expect(checkPeriod({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
    expect(checkPeriod({ from: '2026-01-01', to: '2026-03-01' }, 31)[0].message).toMatch(/31/);
  });
});
