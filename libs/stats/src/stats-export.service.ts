import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import { FIGURE_NAMES } from './figures';
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
    const params: unknown[] = [from, to];
    const conditions = ['day >= $1', 'day < $2'];
    if (filter.region !== null) {
      params.push(filter.region);
      conditions.push(`region = $${params.length}`);
    }
    if (filter.fraudType !== null) {
      params.push(filter.fraudType);
      conditions.push(`fraud_type = $${params.length}`);
    }
    const where = conditions.join(' AND ');
    const p = granularity === 'month' ? `to_char(day, 'YYYY-MM')` : `to_char(day, 'YYYY-MM-DD')`;
    return this.dataSource.query(
      `SELECT ${p} AS p, region, fraud_type,
              coalesce(sum(r.reports_received), 0)::text AS reports,
              coalesce(sum(r.damage_tiyn), 0)::text AS damage,
              coalesce(sum(c.cases_opened), 0)::text AS opened,
              coalesce(sum(c.cases_solved), 0)::text AS solved,
              coalesce(sum(c.offenders_detained), 0)::text AS offenders,
              coalesce(sum(c.frozen_tiyn), 0)::text AS frozen,
              coalesce(sum(c.frozen_abroad_tiyn), 0)::text AS abroad,
              coalesce(sum(c.reimbursed_tiyn), 0)::text AS reimbursed
         FROM (SELECT * FROM stats_daily_reports WHERE ${where}) r
         FULL JOIN (SELECT * FROM stats_daily_cases WHERE ${where}) c
           USING (day, region, fraud_type)
        GROUP BY 1, 2, 3
       HAVING coalesce(sum(r.reports_received), 0) <> 0 OR coalesce(sum(r.damage_tiyn), 0) <> 0
           OR coalesce(sum(c.cases_opened), 0) <> 0 OR coalesce(sum(c.cases_solved), 0) <> 0
           OR coalesce(sum(c.offenders_detained), 0) <> 0 OR coalesce(sum(c.frozen_tiyn), 0) <> 0
           OR coalesce(sum(c.reimbursed_tiyn), 0) <> 0
        ORDER BY 1, 2, 3`,
      params,
    );
  }
}
