import fc from 'fast-check';
import { changePercent, ratio, toFigures, zeroTotals } from './figures';
import {
  addDays,
  monthsOf,
  periodProblem,
  previousPeriod,
  resolvePeriod,
  segments,
  todayIn,
} from './period';

describe('figures', () => {
  it('computes change in percent exactly, rounded half-up to two decimals', () => {
    expect(changePercent(150n, 100n)).toBe(50);
    expect(changePercent(50n, 100n)).toBe(-50);
    expect(changePercent(1n, 3n)).toBe(-66.67);
    expect(changePercent(2n, 3n)).toBe(-33.33);
    expect(changePercent(5n, 0n)).toBeNull();
    expect(changePercent(0n, 0n)).toBeNull();
  });

  it('computes the reimbursement rate, null without damage', () => {
    expect(ratio(1n, 4n)).toBe(0.25);
    expect(ratio(1n, 3n)).toBe(0.333333);
    expect(ratio(2n, 3n)).toBe(0.666667);
    expect(ratio(5n, 0n)).toBeNull();
  });

  it('keeps money exact beyond float precision', () => {
    const t = zeroTotals();
    t.damage = 9_007_199_254_740_993n;
    expect(toFigures(t).damageReported).toBe('90071992547409.93');
  });

  it('never reports a change of the wrong sign', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (a, b) => {
          const c = changePercent(a, b)!;
          return a >= b ? c >= 0 : c <= 0;
        },
      ),
    );
  });
});

describe('period', () => {
  it('previous period has the same length and ends where the period starts', () => {
    expect(previousPeriod({ from: '2026-02-01', to: '2026-03-01' })).toEqual({
      from: '2026-01-04',
      to: '2026-02-01',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2027-01-01' })).toEqual({
      from: '2025-01-01',
      to: '2026-01-01',
    });
  });

  it('validates dates and order', () => {
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' })).toMatch(/from/);
    expect(periodProblem({ from: '2026-03-01', to: '2026-03-01' })).toMatch(/before/);
    expect(periodProblem({ from: '2026-03-01', to: '2026-3-2' })).toMatch(/to/);
    expect(periodProblem({ from: '2000-01-01', to: '2026-01-01' })).toMatch(/at most/);
    expect(periodProblem({ from: '2024-02-28', to: '2024-03-01' })).toBeNull();
  });

  it('splits a period into whole months and edge days', () => {
    expect(segments({ from: '2026-01-15', to: '2026-04-03' })).toEqual([
      { grain: 'daily', from: '2026-01-15', to: '2026-02-01' },
      { grain: 'monthly', from: '2026-02-01', to: '2026-04-01' },
      { grain: 'daily', from: '2026-04-01', to: '2026-04-03' },
    ]);
    expect(segments({ from: '2026-02-01', to: '2026-03-01' })).toEqual([
      { grain: 'monthly', from: '2026-02-01', to: '2026-03-01' },
    ]);
    expect(segments({ from: '2026-01-31', to: '2026-02-02' })).toEqual([
      { grain: 'daily', from: '2026-01-31', to: '2026-02-02' },
    ]);
    expect(segments({ from: '2025-12-10', to: '2026-01-20' })).toEqual([
      { grain: 'daily', from: '2025-12-10', to: '2026-01-20' },
    ]);
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(monthsOf({ from: '2026-01-31', to: '2026-02-02' })).toEqual(['2026-01', '2026-02']);
  });

  it("uses the reporting zone's date for the default period", () => {
    // 2026-01-31T19:30Z is already 1 February in Almaty (UTC+5).
    const now = new Date('2026-01-31T19:30:00Z');
    expect(todayIn('Asia/Almaty', now)).toBe('2026-02-01');
    expect(resolvePeriod(undefined, undefined, 'Asia/Almaty', now)).toEqual({
      from: addDays('2026-02-02', -30),
      to: '2026-02-02',
    });
  });
});
