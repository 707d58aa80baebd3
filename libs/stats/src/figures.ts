import { Money } from '@app/common';

/** docs/contract.md "Totals"; money as decimal strings, counts as integers. */
export interface Figures {
  reportsReceived: number;
  damageReported: string;
  casesOpened: number;
  casesSolved: number;
  offendersDetained: number;
  frozenTotal: string;
  frozenAbroadTotal: string;
  reimbursedTotal: string;
  reimbursementRate: number | null;
  pyramidsDetected: number;
  chatsClosed: number;
  linksBlocked: number;
  numbersBlocked: number;
  loansWrittenOffCount: number;
  loansWrittenOffTotal: string;
}

export const FIGURE_NAMES = [
  'reportsReceived',
  'damageReported',
  'casesOpened',
  'casesSolved',
  'offendersDetained',
  'frozenTotal',
  'frozenAbroadTotal',
  'reimbursedTotal',
  'reimbursementRate',
  'pyramidsDetected',
  'chatsClosed',
  'linksBlocked',
  'numbersBlocked',
  'loansWrittenOffCount',
  'loansWrittenOffTotal',
] as const satisfies readonly (keyof Figures)[];

/** Exact sums as they come out of the rollups. */
export interface Totals {
  reports: bigint;
  damage: bigint;
  opened: bigint;
  solved: bigint;
  offenders: bigint;
  frozen: bigint;
  abroad: bigint;
  reimbursed: bigint;
  pyramids: bigint;
  chats: bigint;
  links: bigint;
  numbers: bigint;
  loansCount: bigint;
  loansTotal: bigint;
}

export const zeroTotals = (): Totals => ({
  reports: 0n,
  damage: 0n,
  opened: 0n,
  solved: 0n,
  offenders: 0n,
  frozen: 0n,
  abroad: 0n,
  reimbursed: 0n,
  pyramids: 0n,
  chats: 0n,
  links: 0n,
  numbers: 0n,
  loansCount: 0n,
  loansTotal: 0n,
});

export function addTotals(into: Totals, more: Totals): Totals {
  for (const key of Object.keys(into) as (keyof Totals)[]) into[key] += more[key];
  return into;
}

const RATE_SCALE = 1_000_000n;

/** a / b rounded half-up to 6 decimals, as a number; null when b is 0. */
export function ratio(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  const scaled = (a * RATE_SCALE * 2n + b) / (2n * b);
  return Number(scaled) / Number(RATE_SCALE);
}

function count(value: bigint): number {
  return Number(value);
}

export function toFigures(t: Totals): Figures {
  return {
    reportsReceived: count(t.reports),
    damageReported: Money.format(t.damage),
    casesOpened: count(t.opened),
    casesSolved: count(t.solved),
    offendersDetained: count(t.offenders),
    frozenTotal: Money.format(t.frozen),
    frozenAbroadTotal: Money.format(t.abroad),
    reimbursedTotal: Money.format(t.reimbursed),
    reimbursementRate: ratio(t.reimbursed, t.damage),
    pyramidsDetected: count(t.pyramids),
    chatsClosed: count(t.chats),
    linksBlocked: count(t.links),
    numbersBlocked: count(t.numbers),
    loansWrittenOffCount: count(t.loansCount),
    loansWrittenOffTotal: Money.format(t.loansTotal),
  };
}

/** (current − previous) / previous in percent, rounded half-up to 2 decimals; null if previous is 0. */
export function changePercent(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  const diff = current - previous;
  const sign = diff < 0n ? -1n : 1n;
  const magnitude = (sign * diff * 10_000n * 2n + previous) / (2n * previous);
  return Number(sign * magnitude) / 100;
}

function rateChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}

export type ChangePercent = Record<keyof Figures, number | null>;

export function changes(current: Totals, previous: Totals): ChangePercent {
  return {
    reportsReceived: changePercent(current.reports, previous.reports),
    damageReported: changePercent(current.damage, previous.damage),
    casesOpened: changePercent(current.opened, previous.opened),
    casesSolved: changePercent(current.solved, previous.solved),
    offendersDetained: changePercent(current.offenders, previous.offenders),
    frozenTotal: changePercent(current.frozen, previous.frozen),
    frozenAbroadTotal: changePercent(current.abroad, previous.abroad),
    reimbursedTotal: changePercent(current.reimbursed, previous.reimbursed),
    reimbursementRate: rateChange(
      ratio(current.reimbursed, current.damage),
      ratio(previous.reimbursed, previous.damage),
    ),
    pyramidsDetected: changePercent(current.pyramids, previous.pyramids),
    chatsClosed: changePercent(current.chats, previous.chats),
    linksBlocked: changePercent(current.links, previous.links),
    numbersBlocked: changePercent(current.numbers, previous.numbers),
    loansWrittenOffCount: changePercent(current.loansCount, previous.loansCount),
    loansWrittenOffTotal: changePercent(current.loansTotal, previous.loansTotal),
  };
}
