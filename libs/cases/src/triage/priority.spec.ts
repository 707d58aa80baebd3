import fc from 'fast-check';
import { PRIORITIES } from '@app/common';
import type { AgeGroup } from '@app/common';
import { casePriority, mostUrgent, reportPriority } from './priority';

const submittedAt = new Date('2025-03-10T12:00:00Z');
const hoursBefore = (h: number) => new Date(submittedAt.getTime() - h * 3600 * 1000);
const base = { ageGroup: 'adult' as AgeGroup, lossTiyn: 0n, submittedAt, paidAt: [] as Date[] };

describe('reportPriority', () => {
  it('P1 for a payment within 72 h before submission, inclusive', () => {
    expect(reportPriority({ ...base, lossTiyn: 100n, paidAt: [hoursBefore(1)] }).priority).toBe(
      'P1',
    );
    expect(reportPriority({ ...base, lossTiyn: 100n, paidAt: [hoursBefore(72)] }).priority).toBe(
      'P1',
    );
    expect(reportPriority({ ...base, lossTiyn: 100n, paidAt: [hoursBefore(72.01)] }).priority).toBe(
      'P3',
    );
  });

  it('P1 for a minor victim even without loss', () => {
    expect(reportPriority({ ...base, ageGroup: 'minor' })).toEqual({
      priority: 'P1',
      reasons: ['minor_victim'],
    });
  });

  it('P2 from 1,000,000.00 KZT or for a senior victim', () => {
    expect(reportPriority({ ...base, lossTiyn: 100_000_000n }).priority).toBe('P2');
    expect(reportPriority({ ...base, lossTiyn: 99_999_999n }).priority).toBe('P3');
    expect(reportPriority({ ...base, ageGroup: 'senior' }).priority).toBe('P2');
  });

  it('P3 for any other loss, P4 without loss', () => {
    expect(reportPriority({ ...base, lossTiyn: 1n }).priority).toBe('P3');
    expect(reportPriority(base).priority).toBe('P4');
  });

  it('never ranks a report with more urgent facts lower', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom<AgeGroup>('minor', 'adult', 'senior'),
        fc.array(fc.integer({ min: 0, max: 24 * 30 }), { maxLength: 5 }),
        (lossTiyn, ageGroup, hours) => {
          const facts = { lossTiyn, ageGroup, submittedAt, paidAt: hours.map(hoursBefore) };
          const p = reportPriority(facts).priority;
          const recent = hours.some((h) => h <= 72);
          if (recent || ageGroup === 'minor') return p === 'P1';
          if (lossTiyn >= 100_000_000n || ageGroup === 'senior') return p === 'P2';
          return p === (lossTiyn > 0n ? 'P3' : 'P4');
        },
      ),
    );
  });
});

describe('casePriority', () => {
  it('takes the most urgent report and P2 from three reports', () => {
    expect(casePriority(['P3', 'P4'], 2)).toBe('P3');
    expect(casePriority(['P3', 'P4', 'P4'], 3)).toBe('P2');
    expect(casePriority(['P1', 'P4', 'P4'], 3)).toBe('P1');
    expect(casePriority([null], 1)).toBe('P4');
  });

  it('mostUrgent is order-independent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PRIORITIES), { minLength: 1 }), (ps) => {
        const sorted = [...ps].sort();
        return mostUrgent(...ps) === sorted[0] && mostUrgent(...[...ps].reverse()) === sorted[0];
      }),
    );
  });
});
