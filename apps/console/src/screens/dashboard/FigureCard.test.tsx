import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { FigureCard } from './FigureCard';
import { direction, scaled } from './figures';
import { formatDelta, formatFigure } from './format';

/** Text of a test id, with the locale's narrow and plain no-break spaces read as spaces. */
const text = (id: string): string =>
  (screen.getByTestId(id).textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('dashboard figure cards', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('shows a count, the previous period, the change up with its sign and the exact difference', () => {
    render(
      <FigureCard
        name="reportsReceived"
        kind="count"
        current={14200}
        previous={12000}
        change={18.33}
      />,
    );
    expect(text('reportsReceived-value')).toBe('14,200');
    expect(text('reportsReceived-previous')).toBe('12,000');
    expect(text('reportsReceived-change')).toBe('▲ up, +18.33 % (+2,200)');
    expect(screen.getByTestId('reportsReceived-change').dataset.direction).toBe('up');
    expect(screen.getByRole('heading', { name: 'Reports received' })).toBeTruthy();
  });

  it('keeps money exact to the tiyn beyond the range of a float', () => {
    // 92,301,000,000,000,000.01 KZT: as a double it would read …000.00.
    render(
      <FigureCard
        name="damageReported"
        kind="money"
        current="92301000000000000.01"
        previous="92301000000000000.00"
        change={0}
      />,
    );
    expect(text('damageReported-value')).toBe('92,301,000,000,000,000.01 ₸');
    expect(text('damageReported-previous')).toBe('92,301,000,000,000,000.00 ₸');
    expect(text('damageReported-change')).toBe('▲ up, 0.00 % (+0.01 ₸)');
  });

  it('shows a fall with a minus sign and a previous zero as such, not as a percent', () => {
    render(
      <FigureCard
        name="reimbursedTotal"
        kind="money"
        current="100.50"
        previous="250.00"
        change={-59.8}
      />,
    );
    expect(text('reimbursedTotal-change')).toBe('▼ down, −59.80 % (−149.50 ₸)');
    cleanup();
    render(<FigureCard name="casesSolved" kind="count" current={3} previous={0} change={null} />);
    expect(text('casesSolved-change')).toBe('▲ up, previous period was zero (+3)');
    cleanup();
    render(<FigureCard name="chatsClosed" kind="count" current={0} previous={0} change={null} />);
    expect(text('chatsClosed-change')).toBe('= no change, previous period was zero');
  });

  it('reads the rate as a percent and a missing rate as none', () => {
    render(
      <FigureCard
        name="reimbursementRate"
        kind="rate"
        current={0.123457}
        previous={null}
        change={null}
      />,
    );
    expect(text('reimbursementRate-value')).toBe('12.3457 %');
    expect(text('reimbursementRate-previous')).toBe('none');
  });

  it('formats for Russian with its own separators', () => {
    expect(formatFigure('money', '1234567.05', 'ru', '—').replace(/[\u00a0\u202f]/g, ' ')).toBe(
      '1 234 567,05 ₸',
    );
    expect(formatDelta('money', '0.00', '1234567.05', 'ru')?.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      '−1 234 567,05 ₸',
    );
  });

  it('compares exact scaled integers, never floats', () => {
    expect(scaled('money', '0.10')).toBe(10n);
    expect(scaled('money', '12')).toBe(1200n);
    expect(scaled('rate', 0.000001)).toBe(1n);
    expect(direction('money', '9007199254740993.00', '9007199254740992.99')).toBe('up');
    expect(direction('count', 5, 5)).toBe('same');
    expect(() => scaled('money', '-1.00')).toThrow();
  });
});
