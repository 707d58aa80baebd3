import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVE_CASE_STATUSES } from '@app/cases';
import { sqlStringList } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { Period } from './period';

export interface QueueStatsView {
  generatedAt: string;
  region: string | null;
  /** Window of the median times (dates in the reporting time zone, `[from, to)`). */
  window: Period;
  open: Array<{ region: string; priority: string; open: number; unclaimed: number }>;
  oldestUnclaimed: {
    caseId: string;
    number: string;
    region: string;
    priority: string;
    createdAt: string;
    waitSeconds: number;
  } | null;
  slaBreaches: {
    /** Open cases whose first-claim deadline passed and that are still unclaimed. */
    unclaimedNow: number;
    /** Breaches recorded in the window. */
    inWindow: number;
    byPriority: Array<{ priority: string; unclaimedNow: number; inWindow: number }>;
  };
  workload: Array<{
    investigatorId: string;
    fullName: string;
    region: string | null;
    activeCases: number;
  }>;
  /** Median seconds from a case's first report to its first claim, cases claimed in the window. */
  medianReportToFirstClaimSeconds: number | null;
  /** Median seconds from the report to its freeze, freezes recorded (frozenAt) in the window. */
  medianReportToFreezeSeconds: number | null;
}

const ACTIVE = `c.status IN (${sqlStringList(ACTIVE_CASE_STATUSES)}) AND c.merged_into_id IS NULL`;

/** `GET /stats/queues`: the live backlog, read straight from cases (small, indexed sets). */
@Injectable()
export class QueueStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async queues(region: string | null, window: Period): Promise<QueueStatsView> {
    const tz = this.config.reportingTimeZone;
    const r = region === null ? '' : ' AND c.region = $1';
    const base: unknown[] = region === null ? [] : [region];
    const w = base.length;
    const windowParams = [...base, window.from, window.to, tz];
    const inWindow = (column: string) =>
      `${column} >= ($${w + 1}::date::timestamp AT TIME ZONE $${w + 3})
       AND ${column} < ($${w + 2}::date::timestamp AT TIME ZONE $${w + 3})`;
    const db = this.dataSource;

    const [open, oldest, breaches, workload, claim, freeze] = await Promise.all([
      db.query(
        `SELECT c.region, c.priority, count(*)::int AS open,
                count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unclaimed
           FROM cases c WHERE ${ACTIVE}${r} GROUP BY 1, 2 ORDER BY 1, 2`,
        base,
      ) as Promise<QueueStatsView['open']>,
      db.query(
        `SELECT c.id, c.number, c.region, c.priority, c.created_at,
                extract(epoch FROM now() - c.created_at)::bigint::text AS wait
           FROM cases c
          WHERE c.status = 'open' AND c.first_claimed_at IS NULL AND c.merged_into_id IS NULL${r}
          ORDER BY c.created_at LIMIT 1`,
        base,
      ) as Promise<
        Array<{
          id: string;
          number: string;
          region: string;
          priority: string;
          created_at: Date;
          wait: string;
        }>
      >,
      db.query(
        `SELECT c.priority,
                count(*) FILTER (WHERE ${ACTIVE} AND c.first_claimed_at IS NULL
                                   AND c.sla_breached_at IS NOT NULL)::int AS unclaimed_now,
                count(*) FILTER (WHERE ${inWindow('c.sla_breached_at')})::int AS in_window
           FROM cases c WHERE c.sla_breached_at IS NOT NULL${r} GROUP BY 1 ORDER BY 1`,
        windowParams,
      ) as Promise<Array<{ priority: string; unclaimed_now: number; in_window: number }>>,
      db.query(
        `SELECT u.id, u.full_name, u.region, count(c.id)::int AS active
           FROM cases c JOIN users u ON u.id = c.assignee_id
          WHERE ${ACTIVE}${r} GROUP BY u.id ORDER BY active DESC, u.full_name`,
        base,
      ) as Promise<Array<{ id: string; full_name: string; region: string | null; active: number }>>,
      db.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_claimed_at - f.first)) AS median
           FROM cases c
           CROSS JOIN LATERAL (SELECT min(p.submitted_at) AS first FROM reports p
                                WHERE p.case_id = c.id) f
          WHERE ${inWindow('c.first_claimed_at')}${r}`,
        windowParams,
      ) as Promise<Array<{ median: number | null }>>,
      // A bank may freeze before the citizen reports (frozenAt is bounded by the payment, not
      // by the report): such a freeze counts as 0 s, so the median is never negative.
      db.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM f.frozen_at - p.submitted_at))) AS median
           FROM freezes f JOIN reports p ON p.id = f.report_id JOIN cases c ON c.id = f.case_id
          WHERE ${inWindow('f.frozen_at')}${r}`,
        windowParams,
      ) as Promise<Array<{ median: number | null }>>,
    ]);
    const first = oldest[0];
    const median = (rows: Array<{ median: number | null }>) =>
      rows[0]?.median === null || rows[0]?.median === undefined
        ? null
        : Math.round(Number(rows[0].median));
    return {
      generatedAt: new Date().toISOString(),
      region,
      window,
      open,
      oldestUnclaimed: first
        ? {
            caseId: first.id,
            number: first.number,
            region: first.region,
            priority: first.priority,
            createdAt: first.created_at.toISOString(),
            waitSeconds: Number(first.wait),
          }
        : null,
      slaBreaches: {
        unclaimedNow: breaches.reduce((sum, b) => sum + b.unclaimed_now, 0),
        inWindow: breaches.reduce((sum, b) => sum + b.in_window, 0),
        byPriority: breaches.map((b) => ({
          priority: b.priority,
          unclaimedNow: b.unclaimed_now,
          inWindow: b.in_window,
        })),
      },
      workload: workload.map((u) => ({
        investigatorId: u.id,
        fullName: u.full_name,
        region: u.region,
        activeCases: u.active,
      })),
      medianReportToFirstClaimSeconds: median(claim),
      medianReportToFreezeSeconds: median(freeze),
    };
  }
}
