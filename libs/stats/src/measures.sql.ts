/**
 * The figures of the national report that are not money or workflow (DESIGN "Totals"):
 * pyramids detected, chats closed, links and numbers blocked, loans written off. They are
 * counted straight from their own tables, which stay small (a national unit records hundreds
 * to tens of thousands a year), through partial indexes on the instant each figure counts by:
 * `ix_case_flags_set_at`, `ix_takedowns_blocked_at`, `ix_loan_writeoffs_written_off_at`.
 * Exact by construction: a withdrawn flag or a merge is seen at once, with no rollup to keep.
 *
 * Days are in the zone the rollups use (`stats_settings`), so a period means the same days for
 * every figure; the region and fraud type are the case's (a loan's case is its report's).
 */
export function measuresByDaySql(p: (value: unknown) => string, from: string, to: string): string {
  const zone = '(SELECT time_zone FROM stats_settings)';
  const lo = `(${p(from)}::date::timestamp AT TIME ZONE ${zone})`;
  const hi = `(${p(to)}::date::timestamp AT TIME ZONE ${zone})`;
  return `SELECT (m.at AT TIME ZONE ${zone})::date AS day, c.region, c.fraud_type,
          count(*) FILTER (WHERE m.what = 'pyramid') AS pyramids,
          count(*) FILTER (WHERE m.what = 'messenger_chat') AS chats,
          count(*) FILTER (WHERE m.what IN ('website', 'social_profile')) AS links,
          count(*) FILTER (WHERE m.what = 'phone_number') AS numbers,
          count(*) FILTER (WHERE m.what = 'loan') AS loans_count,
          coalesce(sum(m.tiyn) FILTER (WHERE m.what = 'loan'), 0) AS loans_tiyn
     FROM (
       SELECT f.case_id, f.set_at AS at, 'pyramid' AS what, NULL::bigint AS tiyn
         FROM case_flags f
        WHERE f.flag = 'financial_pyramid' AND f.withdrawn_at IS NULL
          AND f.set_at >= ${lo} AND f.set_at < ${hi}
       UNION ALL
       SELECT t.case_id, t.outcome_at, t.kind, NULL
         FROM takedowns t
        WHERE t.outcome = 'blocked' AND t.outcome_at >= ${lo} AND t.outcome_at < ${hi}
       UNION ALL
       SELECT r.case_id, w.outcome_at, 'loan', w.written_off_tiyn
         FROM loan_writeoffs w JOIN reports r ON r.id = w.report_id
        WHERE w.outcome = 'written_off' AND w.outcome_at >= ${lo} AND w.outcome_at < ${hi}
     ) m
     JOIN cases c ON c.id = m.case_id
    GROUP BY 1, 2, 3`;
}
