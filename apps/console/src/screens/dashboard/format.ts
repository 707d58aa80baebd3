import { scaled, type FigureKind } from './figures';

/**
 * Digits of an exact scaled integer (tiyn, millionths) grouped for the locale, with `places`
 * decimals. Intl formats the bigint itself, so no digit ever goes through a float.
 */
function formatScaled(value: bigint, places: number, locale: string): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(places);
  const whole = new Intl.NumberFormat(locale, { useGrouping: true }).format(abs / unit);
  const sign = negative ? '−' : '';
  if (places === 0) return sign + whole;
  const separator =
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1 })
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal')?.value ?? '.';
  const fraction = (abs % unit).toString().padStart(places, '0');
  return `${sign}${whole}${separator}${fraction}`;
}

/** A figure as read: `1 234 567,89 ₸`-style money, grouped counts, the rate in percent. */
export function formatFigure(
  kind: FigureKind,
  value: string | number | null,
  locale: string,
  none: string,
): string {
  const exact = scaled(kind, value);
  if (exact === null) return none;
  if (kind === 'money') return `${formatScaled(exact, 2, locale)} ₸`;
  // The rate is in millionths of one: × 100 is millionths → ten-thousandths of a percent.
  if (kind === 'rate') return `${formatScaled(exact, 4, locale)} %`;
  return formatScaled(exact, 0, locale);
}

/**
 * The exact difference current − previous with its sign (`+`, `−`); null for the rate, whose
 * change reads as the percent alone (a difference of percentages would need its own unit).
 */
export function formatDelta(
  kind: FigureKind,
  current: string | number | null,
  previous: string | number | null,
  locale: string,
): string | null {
  if (kind === 'rate') return null;
  const a = scaled(kind, current);
  const b = scaled(kind, previous);
  if (a === null || b === null) return null;
  const diff = a - b;
  const sign = diff > 0n ? '+' : '';
  return (
    sign + formatScaled(diff, kind === 'money' ? 2 : 0, locale) + (kind === 'money' ? ' ₸' : '')
  );
}

/** The API's change in percent (two decimals, half-up on its side) with an explicit sign. */
export function formatPercent(change: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(change);
  return `${text.replace('-', '−')} %`;
}
