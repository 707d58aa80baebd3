import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { FIGURE_NAMES } from './figures';
import { measuresByDaySql } from './measures.sql';
import { addDays, monthsOf } from './period';
import type { ExportGranularity } from './stats.dto';
import type { StatsFilter } from './stats-scope';

/** The summary's figures per row, except the rate (a ratio of sums, not summable per row). */
export const EXPORT_COLUMNS = [
  'period',
  'region',
  'fraudType',
  ...FIGURE_NAMES.filter((name) => name !== 'reimbursementRate'),
];

interface ExportRow {
  p: string;
  region: string;
  fraud_type: string;
  reports: string;
  damage: string;
  opened: string;
  solved: string;
  offenders: string;
  frozen: string;
  abroad: string;
  reimbursed: string;
  pyramids: string;
  chats: string;
  links: string;
  numbers: string;
  loans_count: string;
  loans_tiyn: string;
}

/**
 * CSV of the rollups: one line per day (or month) × region × fraud type with any figure. The
 * region of a line is the reporter region for the report columns and the case region for the
 * others, as for every total. Read one month at a time and written with backpressure, so
 * memory stays flat for long periods.
 */
@Injectable()
export class StatsExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async writeCsv(
    filter: StatsFilter,
    granularity: ExportGranularity,
    out: Writable,
  ): Promise<void> {
    const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS] });
    csv.pipe(out);
    const months = monthsOf(filter.period);
    for (const month of months) {
      const start = `${month}-01` < filter.period.from ? filter.period.from : `${month}-01`;
      const next = addDays(`${month}-01`, 32).slice(0, 7) + '-01';
      const end = next > filter.period.to ? filter.period.to : next;
      for (const row of await this.chunk(filter, granularity, start, end)) {
        const line = [
          row.p,
          row.region,
          row.fraud_type,
          row.reports,
          Money.format(Money.fromDb(row.damage)),
          row.opened,
          row.solved,
          row.offenders,
          Money.format(Money.fromDb(row.frozen)),
          Money.format(Money.fromDb(row.abroad)),
          Money.format(Money.fromDb(row.reimbursed)),
          row.pyramids,
          row.chats,
          row.links,
          row.numbers,
          row.loans_count,
          Money.format(Money.fromDb(row.loans_tiyn)),
        ];
        if (!csv.write(line)) await once(csv, 'drain');
      }
    }
    csv.end();
    await once(csv, 'end');
  }

  private chunk(
    filter: StatsFilter,
    granularity: ExportGranularity,
    from: string,
    to: string,
  ): Promise<ExportRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [`day >= ${p(from)}`, `day < ${p(to)}`];
    if (filter.region !== null) conditions.push(`region = ${p(filter.region)}`);
    if (filter.fraudType !== null) conditions.push(`fraud_type = ${p(filter.fraudType)}`);
    const where = conditions.join(' AND ');
    const label =
      granularity === 'month' ? `to_char(day, 'YYYY-MM')` : `to_char(day, 'YYYY-MM-DD')`;
    const sums: Array<[string, string]> = [
      ['reports', 'r.reports_received'],
      ['damage', 'r.damage_tiyn'],
      ['opened', 'c.cases_opened'],
      ['solved', 'c.cases_solved'],
      ['offenders', 'c.offenders_detained'],
      ['frozen', 'c.frozen_tiyn'],
      ['abroad', 'c.frozen_abroad_tiyn'],
      ['reimbursed', 'c.reimbursed_tiyn'],
      ['pyramids', 'm.pyramids'],
      ['chats', 'm.chats'],
      ['links', 'm.links'],
      ['numbers', 'm.numbers'],
      ['loans_count', 'm.loans_count'],
      ['loans_tiyn', 'm.loans_tiyn'],
    ];
    const total = (column: string) => `coalesce(sum(${column}), 0)`;
    return this.dataSource.query(
      `SELECT ${label} AS p, region, fraud_type,
              ${sums.map(([name, column]) => `${total(column)}::text AS ${name}`).join(',\n              ')}
         FROM (SELECT * FROM stats_daily_reports WHERE ${where}) r
         FULL JOIN (SELECT * FROM stats_daily_cases WHERE ${where}) c
           USING (day, region, fraud_type)
         FULL JOIN (SELECT * FROM (${measuresByDaySql(p, from, to)}) x WHERE ${where}) m
           USING (day, region, fraud_type)
        GROUP BY 1, 2, 3
       HAVING ${sums.map(([, column]) => `${total(column)} <> 0`).join(' OR ')}
        ORDER BY 1, 2, 3`,
      params,
    );
  }
}
