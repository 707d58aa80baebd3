import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money columns of the stats rollups become `numeric` (docs/stats.md, "Why the sums cannot
 * overflow"). As `bigint` they summed every report of a day, region and fraud type into one
 * row: about 1,845 reports at the largest allowed amounts passed 2^63 − 1 tiyn, and from then on
 * every report with money for that row failed in the trigger (`numeric value out of range`, a
 * 400), so public input stopped other citizens from filing. `numeric` holds 131,072 digits
 * before the point; the counts stay `bigint` (one per row written, they cannot get there).
 *
 * The functions that carry sums into the rollups take and return `numeric` money too: a
 * signature cannot change in place, so they are dropped and created again. Their callers
 * (triggers, plpgsql) resolve them by name at run time, and bigint arguments cast implicitly.
 * Spelled out as SQL: migrations are immutable history and import nothing but `typeorm`.
 */
const MONEY_COLUMNS: Array<[string, string[]]> = [
  ['stats_daily_reports', ['damage_tiyn']],
  ['stats_monthly_reports', ['damage_tiyn']],
  ['stats_daily_cases', ['frozen_tiyn', 'frozen_abroad_tiyn', 'reimbursed_tiyn']],
  ['stats_monthly_cases', ['frozen_tiyn', 'frozen_abroad_tiyn', 'reimbursed_tiyn']],
];

const CASE_SUMS = `"cases_opened" = s."cases_opened" + EXCLUDED."cases_opened",
  "cases_solved" = s."cases_solved" + EXCLUDED."cases_solved",
  "offenders_detained" = s."offenders_detained" + EXCLUDED."offenders_detained",
  "frozen_tiyn" = s."frozen_tiyn" + EXCLUDED."frozen_tiyn",
  "frozen_abroad_tiyn" = s."frozen_abroad_tiyn" + EXCLUDED."frozen_abroad_tiyn",
  "reimbursed_tiyn" = s."reimbursed_tiyn" + EXCLUDED."reimbursed_tiyn"`;
const REPORT_SUMS = `"reports_received" = s."reports_received" + EXCLUDED."reports_received",
  "damage_tiyn" = s."damage_tiyn" + EXCLUDED."damage_tiyn"`;

/** The sum functions with money of type `money` (`numeric` up, `bigint` down). */
function sumFunctions(money: 'numeric' | 'bigint'): string[] {
  return [
    `CREATE FUNCTION "stats_bump_reports"(d date, r text, f text, n bigint, dmg ${money})
     RETURNS void LANGUAGE sql AS $$
       INSERT INTO "stats_daily_reports" AS s VALUES (d, r, f, n, dmg)
       ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${REPORT_SUMS};
       INSERT INTO "stats_monthly_reports" AS s
       VALUES (date_trunc('month', d)::date, r, f, n, dmg)
       ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${REPORT_SUMS};
     $$`,
    `CREATE FUNCTION "stats_bump_case_keys"(
       d date, r text, f text, opened bigint, solved bigint, offenders bigint,
       frozen ${money}, abroad ${money}, reimbursed ${money})
     RETURNS void LANGUAGE sql AS $$
       INSERT INTO "stats_daily_cases" AS s
       VALUES (d, r, f, opened, solved, offenders, frozen, abroad, reimbursed)
       ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${CASE_SUMS};
       INSERT INTO "stats_monthly_cases" AS s
       VALUES (date_trunc('month', d)::date, r, f, opened, solved, offenders, frozen, abroad,
               reimbursed)
       ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${CASE_SUMS};
     $$`,
    `CREATE FUNCTION "stats_bump_case"(
       c uuid, d date, opened bigint, solved bigint, offenders bigint,
       frozen ${money}, abroad ${money}, reimbursed ${money})
     RETURNS void LANGUAGE sql AS $$
       SELECT "stats_bump_case_keys"(d, k."region", k."fraud_type", opened, solved, offenders,
                                     frozen, abroad, reimbursed)
         FROM "cases" k WHERE k."id" = c
     $$`,
    `CREATE FUNCTION "stats_case_contribution"(c uuid)
     RETURNS TABLE (day date, solved bigint, offenders bigint, frozen ${money},
                    abroad ${money}, reimbursed ${money})
     LANGUAGE sql STABLE AS $$
       SELECT x.day, sum(x.solved)::bigint, sum(x.offenders)::bigint, sum(x.frozen)::${money},
              sum(x.abroad)::${money}, sum(x.reimbursed)::${money}
         FROM (
           SELECT s."day", 1 AS solved, 0 AS offenders, 0 AS frozen, 0 AS abroad, 0 AS reimbursed
             FROM "stats_case_solved" s WHERE s."case_id" = c
           UNION ALL
           SELECT "stats_day"(o."detained_at"), 0, o."count", 0, 0, 0
             FROM "offender_records" o WHERE o."case_id" = c
           UNION ALL
           SELECT "stats_day"(f."frozen_at"), 0, 0, f."amount_tiyn",
                  CASE WHEN f."stage" = 'withdrawal_abroad' THEN f."amount_tiyn" ELSE 0 END, 0
             FROM "freezes" f WHERE f."case_id" = c
           UNION ALL
           SELECT "stats_day"(r."paid_at"), 0, 0, 0, 0, r."amount_tiyn"
             FROM "reimbursements" r
            WHERE r."case_id" = c
              AND NOT EXISTS (SELECT 1 FROM "reimbursement_reversals" v
                               WHERE v."reimbursement_id" = r."id")
         ) x
        GROUP BY x.day
     $$`,
  ];
}

function dropSumFunctions(money: 'numeric' | 'bigint'): string[] {
  return [
    `DROP FUNCTION "stats_case_contribution"(uuid)`,
    `DROP FUNCTION "stats_bump_case"(uuid, date, bigint, bigint, bigint, ${money}, ${money}, ${money})`,
    `DROP FUNCTION "stats_bump_case_keys"(date, text, text, bigint, bigint, bigint, ${money}, ${money}, ${money})`,
    `DROP FUNCTION "stats_bump_reports"(date, text, text, bigint, ${money})`,
  ];
}

function alterMoneyColumns(money: 'numeric' | 'bigint'): string[] {
  return MONEY_COLUMNS.map(
    ([table, columns]) =>
      `ALTER TABLE "${table}" ${columns
        .map((column) => `ALTER COLUMN "${column}" TYPE ${money}`)
        .join(', ')}`,
  );
}

export class NumericRollupSums1763940000200 implements MigrationInterface {
  name = 'NumericRollupSums1763940000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropSumFunctions('bigint'),
      ...alterMoneyColumns('numeric'),
      ...sumFunctions('numeric'),
    ]) {
      await queryRunner.query(sql);
    }
  }

  /** Fails (`bigint out of range`) if a rollup sum has already grown past what bigint holds. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      ...dropSumFunctions('numeric'),
      ...alterMoneyColumns('bigint'),
      ...sumFunctions('bigint'),
    ]) {
      await queryRunner.query(sql);
    }
  }
}
