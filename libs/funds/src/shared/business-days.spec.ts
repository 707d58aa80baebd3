import fc from 'fast-check';
import { businessDayOffset } from './business-days';

describe('businessDayOffset', () => {
  it('skips weekends', () => {
    expect(businessDayOffset(1, 5)).toBe(7); // Monday + 5 business days = next Monday
    expect(businessDayOffset(5, 1)).toBe(3); // Friday + 1 = Monday
    expect(businessDayOffset(6, 1)).toBe(2); // Saturday + 1 = Monday
    expect(businessDayOffset(7, 5)).toBe(5); // Sunday + 5 = Friday
    expect(businessDayOffset(3, 0)).toBe(0);
  });

  it('always lands on a weekday after exactly n weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 60 }), (wd, n) => {
        const offset = businessDayOffset(wd, n);
        let weekdays = 0;
        for (let i = 1; i <= offset; i++) if (((wd - 1 + i) % 7) + 1 <= 5) weekdays += 1;
        expect(weekdays).toBe(n);
        expect(((wd - 1 + offset) % 7) + 1).toBeLessThanOrEqual(5);
      }),
    );
  });
});
