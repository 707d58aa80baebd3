import type { components } from '../../api/schema';

export type Figures = components['schemas']['FiguresDto'];
export type ChangePercent = components['schemas']['ChangePercentDto'];
export type FigureName = keyof Figures;

/** How a figure is read and shown: counts are integers, money exact decimals, the rate a ratio. */
export type FigureKind = 'count' | 'money' | 'rate';

/** Every figure of GET /stats/summary, in the order docs/stats.md lists them. */
export const FIGURES: ReadonlyArray<{ name: FigureName; kind: FigureKind }> = [
  { name: 'reportsReceived', kind: 'count' },
  { name: 'damageReported', kind: 'money' },
  { name: 'casesOpened', kind: 'count' },
  { name: 'casesSolved', kind: 'count' },
  { name: 'offendersDetained', kind: 'count' },
  { name: 'frozenTotal', kind: 'money' },
  { name: 'frozenAbroadTotal', kind: 'money' },
  { name: 'reimbursedTotal', kind: 'money' },
  { name: 'reimbursementRate', kind: 'rate' },
  { name: 'pyramidsDetected', kind: 'count' },
  { name: 'chatsClosed', kind: 'count' },
  { name: 'linksBlocked', kind: 'count' },
  { name: 'numbersBlocked', kind: 'count' },
  { name: 'loansWrittenOffCount', kind: 'count' },
  { name: 'loansWrittenOffTotal', kind: 'money' },
];

/** The figure the charts show unless the URL names another. */
export const DEFAULT_FIGURE = { name: 'reportsReceived', kind: 'count' } as const;

export type Direction = 'up' | 'down' | 'same';

/**
 * The figure as an exact scaled integer: money in tiyn, counts as they are, the rate in
 * millionths (the API rounds it to 6 decimals). Comparing these never goes through a float
 * sum, so a 1-tiyn change of a 10^17-tiyn total still reads as a change.
 */
export function scaled(kind: FigureKind, value: string | number | null): bigint | null {
  if (value === null) return null;
  if (kind === 'count') return BigInt(value);
  const text = kind === 'rate' ? Number(value).toFixed(6) : String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a ${kind} figure: ${text}`);
  const places = kind === 'rate' ? 6 : 2;
  const fraction = (match[2] ?? '').padEnd(places, '0').slice(0, places);
  return BigInt(match[1] + fraction);
}

/** Which way a figure went from the previous period; a missing rate counts as no change. */
export function direction(
  kind: FigureKind,
  current: string | number | null,
  previous: string | number | null,
): Direction {
  const a = scaled(kind, current);
  const b = scaled(kind, previous);
  if (a === null || b === null || a === b) return 'same';
  return a > b ? 'up' : 'down';
}

export type Region = NonNullable<components['schemas']['SummaryDto']['region']>;
export type FraudType = NonNullable<components['schemas']['SummaryDto']['fraudType']>;

export const REGIONS = [
  'astana',
  'almaty_city',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'jambyl',
  'jetisu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'north_kazakhstan',
  'pavlodar',
  'turkistan',
  'ulytau',
  'west_kazakhstan',
] as const satisfies readonly Region[];

export const FRAUD_TYPES = [
  'online_purchase',
  'phishing',
  'investment_scam',
  'fake_loan',
  'impersonation',
  'romance',
  'job_offer',
  'rental',
  'prize_lottery',
  'other',
] as const satisfies readonly FraudType[];
