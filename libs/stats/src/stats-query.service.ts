import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FRAUD_TYPES, Money, REGIONS } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  addTotals,
  changes,
  ChangePercent,
  Figures,
  toFigures,
  Totals,
  zeroTotals,
} from './figures';
import { measuresByDaySql } from './measures.sql';
import { monthsOf, Period, previousPeriod, segments } from './period';
import type { BreakdownDimension } from './stats.dto';
import type { StatsFilter } from './stats-scope';

export interface SummaryView {
  period: Period;
  previousPeriod: Period;
  region: string | null;
  fraudType: string | null;
  timeZone: string;
  current: Figures;
  previous: Figures;
  changePercent: ChangePercent;
}

export interface BreakdownView {
  period: Period;
  by: BreakdownDimension;
  region: string | null;
  fraudType: string | null;
  timeZone: string;
  rows: Array<{ key: string } & Figures>;
  total: Figures;
}

interface RollupRow {
  src: 'r' | 'c' | 'm';
  k: string;
  cur: boolean;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  f: string | null;
}

const KEY_SQL: Record<BreakdownDimension | 'none', string> = {
  none: `''`,
  region: 'region',
  fraudType: 'fraud_type',
  month: `to_char(day, 'YYYY-MM')`,
};

/**
 * The supervisor totals, read from the daily rollups (docs/stats.md): at most
 * days × regions × fraud types rows per table, whatever the number of reports.
 */
@Injectable()
export class StatsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async summary(filter: StatsFilter): Promise<SummaryView> {
    const previous = previousPeriod(filter.period);
    const grouped = await this.totals(filter, 'none', true);
    const current = grouped.get('\u0000cur') ?? zeroTotals();
    const before = grouped.get('\u0000prev') ?? zeroTotals();
    return {
      period: filter.period,
      previousPeriod: previous,
      region: filter.region,
      fraudType: filter.fraudType,
      timeZone: this.config.reportingTimeZone,
      current: toFigures(current),
      previous: toFigures(before),
      changePercent: changes(current, before),
    };
  }

  async breakdown(filter: StatsFilter, by: BreakdownDimension): Promise<BreakdownView> {
    const grouped = await this.totals(filter, by, false);
    const keys =
      by === 'region'
        ? filter.region !== null
          ? [filter.region]
          : [...REGIONS]
        : by === 'fraudType'
          ? filter.fraudType !== null
            ? [filter.fraudType]
            : [...FRAUD_TYPES]
          : monthsOf(filter.period);
    // Every group is listed, zeros included, so clients get a stable shape.
    const total = zeroTotals();
    const rows = keys.map((key) => {
      const t = grouped.get(`${key}\u0000cur`) ?? zeroTotals();
      addTotals(total, t);
      return { key, ...toFigures(t) };
    });
    return {
      period: filter.period,
      by,
      region: filter.region,
      fraudType: filter.fraudType,
      timeZone: this.config.reportingTimeZone,
      rows,
      total: toFigures(total),
    };
  }

  /**
   * Sums both rollups (and the measures, docs/stats.md) over the current period (and the previous one for the summary), grouped
   * by key and by period. Whole months are read from the monthly tables, the days at the edges
   * from the daily ones; each table is aggregated on its own, so only small results merge.
   */
  private async totals(
    filter: StatsFilter,
    by: BreakdownDimension | 'none',
    withPrevious: boolean,
  ): Promise<Map<string, Totals>> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const filters: string[] = [];
    if (filter.region !== null) filters.push(`region = ${p(filter.region)}`);
    if (filter.fraudType !== null) filters.push(`fraud_type = ${p(filter.fraudType)}`);
    const key = KEY_SQL[by];
    const parts: string[] = [];
    const periods: Array<[Period, boolean]> = [[filter.period, true]];
    if (withPrevious) periods.push([previousPeriod(filter.period), false]);
    for (const [period, cur] of periods) {
      for (const { grain, from, to } of segments(period)) {
        const where = [`day >= ${p(from)}`, `day < ${p(to)}`, ...filters].join(' AND ');
        parts.push(
          `SELECT 'r' AS src, ${key} AS k, ${cur} AS cur,
                  sum(reports_received)::text AS a, sum(damage_tiyn)::text AS b,
                  NULL AS c, NULL AS d, NULL AS e, NULL AS f
             FROM stats_${grain}_reports WHERE ${where} GROUP BY 2`,
          `SELECT 'c', ${key}, ${cur},
                  sum(cases_opened)::text, sum(cases_solved)::text, sum(offenders_detained)::text,
                  sum(frozen_tiyn)::text, sum(frozen_abroad_tiyn)::text, sum(reimbursed_tiyn)::text
             FROM stats_${grain}_cases WHERE ${where} GROUP BY 2`,
        );
      }
      const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
      parts.push(
        `SELECT 'm', ${key}, ${cur},
                sum(pyramids)::text, sum(chats)::text, sum(links)::text,
                sum(numbers)::text, sum(loans_count)::text, sum(loans_tiyn)::text
           FROM (${measuresByDaySql(p, period.from, period.to)}) m ${where} GROUP BY 2`,
      );
    }
    const found: RollupRow[] = await this.dataSource.query(parts.join(' UNION ALL '), params);
    const result = new Map<string, Totals>();
    const n = (value: string | null): bigint => (value === null ? 0n : Money.fromDb(value));
    for (const row of found) {
      const id = `${row.k}\u0000${row.cur ? 'cur' : 'prev'}`;
      const t = result.get(id) ?? zeroTotals();
      if (row.src === 'r') {
        t.reports += n(row.a);
        t.damage += n(row.b);
      } else if (row.src === 'm') {
        t.pyramids += n(row.a);
        t.chats += n(row.b);
        t.links += n(row.c);
        t.numbers += n(row.d);
        t.loansCount += n(row.e);
        t.loansTotal += n(row.f);
      } else {
        t.opened += n(row.a);
        t.solved += n(row.b);
        t.offenders += n(row.c);
        t.frozen += n(row.d);
        t.abroad += n(row.e);
        t.reimbursed += n(row.f);
      }
      result.set(id, t);
    }
    return result;
  }
}
