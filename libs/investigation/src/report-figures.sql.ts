/**
 * The figures of a report that are derived rather than stored: its status (from its case) and
 * the money frozen and reimbursed for it (from the funds ledger). Every read model of this lib
 * takes them from here and from nowhere else (not from copies on `reports`), so they cannot
 * disagree with each other or with the ledger.
 *
 * Contract: the report is aliased `r`.
 * - status: add REPORT_CASE_JOIN (its case as `c`) and select REPORT_STATUS_SQL;
 * - money: add reportMoneyJoin(ids) and select REPORT_FROZEN_SQL and REPORT_REIMBURSED_SQL
 *   (decimal text in tiyn, '0' when there is none).
 */

/** The case of report `r` as `c`; no row for an untriaged report. */
export const REPORT_CASE_JOIN = 'LEFT JOIN cases c ON c.id = r.case_id';

/**
 * The citizen-facing status of report `r` in case `c`: `received` until triage links it, then
 * the case status with `open` shown as `in_review` (reportStatusFor in libs/cases).
 */
export const REPORT_STATUS_SQL = `CASE WHEN r.case_id IS NULL THEN 'received'
            WHEN c.status = 'open' THEN 'in_review' ELSE c.status END`;

/** Sum of the freezes recorded for report `r` (needs reportMoneyJoin). */
export const REPORT_FROZEN_SQL = 'COALESCE(rm_frozen.tiyn, 0)::text';

/** Sum of the reimbursements of report `r` that were not reversed (needs reportMoneyJoin). */
export const REPORT_REIMBURSED_SQL = 'COALESCE(rm_reimbursed.tiyn, 0)::text';

/**
 * The ledger sums of REPORT_FROZEN_SQL and REPORT_REIMBURSED_SQL, grouped per report, for the
 * reports whose ids `reportIds` selects (a subquery such as
 * `SELECT id FROM reports WHERE case_id = $1`). It must select every report `r` the query
 * returns; for any other the figures read as 0.
 *
 * The ids are collected once and looked up with one scan of ix_freezes_report_id and one of
 * ix_reimbursements_report_id (reversals by their unique reimbursement_id), so the cost grows
 * with the reports asked for, not with the size of the ledger: a case of 3,500 reports is one
 * pass, where a per-report subquery would be 7,000 index probes.
 */
export function reportMoneyJoin(reportIds: string): string {
  return `LEFT JOIN (
      SELECT f.report_id, sum(f.amount_tiyn) AS tiyn
        FROM freezes f
       WHERE f.report_id = ANY(ARRAY(${reportIds}))
       GROUP BY f.report_id
    ) rm_frozen ON rm_frozen.report_id = r.id
    LEFT JOIN (
      SELECT m.report_id, sum(m.amount_tiyn) AS tiyn
        FROM reimbursements m
       WHERE m.report_id = ANY(ARRAY(${reportIds}))
         AND NOT EXISTS (SELECT 1 FROM reimbursement_reversals v WHERE v.reimbursement_id = m.id)
       GROUP BY m.report_id
    ) rm_reimbursed ON rm_reimbursed.report_id = r.id`;
}
