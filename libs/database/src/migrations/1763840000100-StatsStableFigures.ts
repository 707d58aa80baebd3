import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * As in StatsRollups: the timeline entries that record a status change with `data.to`. Spelled
 * out as SQL, not shared: migrations are immutable history and import nothing but `typeorm`.
 */
const STATUS_EVENT_TYPES = `'case.transitioned', 'case.status_changed', 'status.changed'`;

/**
 * The advisory lock key of the reporting time zone (also in libs/stats rollup-sync.service.ts).
 * Writers hold it shared from the moment they read the zone until they commit; a time-zone
 * switch and `stats_rebuild()` hold it exclusively.
 */
const ZONE_LOCK = 727002;

// ---- new definitions ----------------------------------------------------------------------

const ZONE_FN = `
  CREATE FUNCTION "stats_zone"() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    zone text;
  BEGIN
    -- Taken before the zone is read (the SELECT below gets a snapshot after the lock), so a
    -- writer never adds a day computed with a zone that a concurrent rebuild has replaced.
    PERFORM pg_advisory_xact_lock_shared(${ZONE_LOCK});
    SELECT "time_zone" INTO zone FROM "stats_settings";
    RETURN zone;
  END $$`;

const DAY_FN = `
  CREATE OR REPLACE FUNCTION "stats_day"(ts timestamptz) RETURNS date LANGUAGE sql VOLATILE AS $$
    SELECT (ts AT TIME ZONE "stats_zone"())::date
  $$`;

// A case counts as solved once, on the day of its FIRST transition to solved: reopening and
// solving again later change no period's figure.
const SYNC_SOLVED_FN = `
  CREATE OR REPLACE FUNCTION "stats_sync_case_solved"(c uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    first_at timestamptz;
    new_day date;
    old_day date;
  BEGIN
    PERFORM "stats_zone"();
    SELECT e."at" INTO first_at
      FROM "case_events" e
     WHERE e."case_id" = c AND e."type" IN (${STATUS_EVENT_TYPES}) AND e."data"->>'to' = 'solved'
     ORDER BY e."at", e."id"
     LIMIT 1;
    IF first_at IS NOT NULL THEN
      new_day := "stats_day"(first_at);
    END IF;
    SELECT "day" INTO old_day FROM "stats_case_solved" WHERE "case_id" = c FOR UPDATE;
    IF old_day IS NOT DISTINCT FROM new_day THEN
      RETURN;
    END IF;
    IF old_day IS NOT NULL THEN
      PERFORM "stats_bump_case"(c, old_day, 0, -1, 0, 0, 0, 0);
      DELETE FROM "stats_case_solved" WHERE "case_id" = c;
    END IF;
    IF new_day IS NOT NULL THEN
      PERFORM "stats_bump_case"(c, new_day, 0, 1, 0, 0, 0, 0);
      INSERT INTO "stats_case_solved" ("case_id", "day") VALUES (c, new_day);
    END IF;
  END $$`;

// casesOpened counts every case created in the period, merged away later or not: a closed
// period's figure must not change after the fact. A merge (merged_into_id) changes nothing here.
const CASES_TG_FN = `
  CREATE OR REPLACE FUNCTION "stats_tg_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    x record;
    solved_day date;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM "stats_bump_case"(NEW."id", "stats_day"(NEW."created_at"), 1, 0, 0, 0, 0, 0);
      RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
      -- The row is gone, so bump_case cannot look it up: write with OLD's keys directly.
      PERFORM "stats_bump_case_keys"("stats_day"(OLD."created_at"), OLD."region",
        OLD."fraud_type", -1, 0, 0, 0, 0, 0);
      DELETE FROM "stats_case_solved" WHERE "case_id" = OLD."id" RETURNING "day" INTO solved_day;
      IF solved_day IS NOT NULL THEN
        PERFORM "stats_bump_case_keys"(solved_day, OLD."region", OLD."fraud_type",
          0, -1, 0, 0, 0, 0);
      END IF;
      RETURN NULL;
    END IF;
    IF NEW."region" <> OLD."region" OR NEW."fraud_type" <> OLD."fraud_type" THEN
      -- Move the whole case: out of the old keys, into the new ones.
      FOR x IN SELECT * FROM "stats_case_contribution"(NEW."id") LOOP
        PERFORM "stats_bump_case_keys"(x.day, OLD."region", OLD."fraud_type", 0, -x.solved,
          -x.offenders, -x.frozen, -x.abroad, -x.reimbursed);
        PERFORM "stats_bump_case"(NEW."id", x.day, 0, x.solved, x.offenders, x.frozen,
                                  x.abroad, x.reimbursed);
      END LOOP;
    END IF;
    IF NEW."region" <> OLD."region" OR NEW."fraud_type" <> OLD."fraud_type"
       OR NEW."created_at" <> OLD."created_at" THEN
      PERFORM "stats_bump_case_keys"("stats_day"(OLD."created_at"), OLD."region",
        OLD."fraud_type", -1, 0, 0, 0, 0, 0);
      PERFORM "stats_bump_case"(NEW."id", "stats_day"(NEW."created_at"), 1, 0, 0, 0, 0, 0);
    END IF;
    RETURN NULL;
  END $$`;

/**
 * `stats_rebuild()` under the new rules (`stable`: zone lock, zone read once, first solving, every
 * case opened) or as StatsRollups defined it (`original`, for down).
 */
function rebuildFn(rules: 'stable' | 'original'): string {
  const stable = rules === 'stable';
  const day = (col: string) => (stable ? `(${col} AT TIME ZONE z)::date` : `"stats_day"(${col})`);
  const solved = stable
    ? `SELECT DISTINCT ON (e."case_id") e."case_id", ${day('e."at"')}
         FROM "case_events" e
        WHERE e."type" IN (${STATUS_EVENT_TYPES}) AND e."data"->>'to' = 'solved'
        ORDER BY e."case_id", e."at", e."id"`
    : `SELECT l."case_id", ${day('l."at"')}
         FROM (SELECT DISTINCT ON (e."case_id") e."case_id", e."at", e."data"
                 FROM "case_events" e
                WHERE e."type" IN (${STATUS_EVENT_TYPES})
                ORDER BY e."case_id", e."id" DESC) l
        WHERE l."data"->>'to' = 'solved'`;
  return `
  CREATE OR REPLACE FUNCTION "stats_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    z text;
  BEGIN
    ${stable ? `PERFORM pg_advisory_xact_lock(${ZONE_LOCK});` : ''}
    LOCK TABLE "stats_daily_reports", "stats_daily_cases", "stats_monthly_reports",
      "stats_monthly_cases", "stats_case_solved" IN EXCLUSIVE MODE;
    SELECT "time_zone" INTO z FROM "stats_settings";
    DELETE FROM "stats_daily_reports";
    DELETE FROM "stats_daily_cases";
    DELETE FROM "stats_monthly_reports";
    DELETE FROM "stats_monthly_cases";
    DELETE FROM "stats_case_solved";
    INSERT INTO "stats_daily_reports"
    SELECT ${day('"submitted_at"')}, "region", "fraud_type", count(*), sum("loss_tiyn")
      FROM "reports" GROUP BY 1, 2, 3;
    INSERT INTO "stats_case_solved" ("case_id", "day") ${solved};
    INSERT INTO "stats_daily_cases"
    SELECT x.day, k."region", k."fraud_type", sum(x.opened), sum(x.solved),
           sum(x.offenders), sum(x.frozen), sum(x.abroad), sum(x.reimbursed)
      FROM (
        SELECT c."id" AS case_id, ${day('c."created_at"')} AS day, 1 AS opened,
               0 AS solved, 0 AS offenders, 0::bigint AS frozen, 0::bigint AS abroad,
               0::bigint AS reimbursed
          FROM "cases" c ${stable ? '' : 'WHERE c."merged_into_id" IS NULL'}
        UNION ALL
        SELECT s."case_id", s."day", 0, 1, 0, 0, 0, 0 FROM "stats_case_solved" s
        UNION ALL
        SELECT o."case_id", ${day('o."detained_at"')}, 0, 0, o."count", 0, 0, 0
          FROM "offender_records" o
        UNION ALL
        SELECT f."case_id", ${day('f."frozen_at"')}, 0, 0, 0, f."amount_tiyn",
               CASE WHEN f."stage" = 'withdrawal_abroad' THEN f."amount_tiyn" ELSE 0 END, 0
          FROM "freezes" f
        UNION ALL
        SELECT r."case_id", ${day('r."paid_at"')}, 0, 0, 0, 0, 0, r."amount_tiyn"
          FROM "reimbursements" r
         WHERE NOT EXISTS (SELECT 1 FROM "reimbursement_reversals" v
                            WHERE v."reimbursement_id" = r."id")
      ) x
      JOIN "cases" k ON k."id" = x.case_id
     GROUP BY 1, 2, 3;
    INSERT INTO "stats_monthly_reports"
    SELECT date_trunc('month', "day")::date, "region", "fraud_type",
           sum("reports_received"), sum("damage_tiyn")
      FROM "stats_daily_reports" GROUP BY 1, 2, 3;
    INSERT INTO "stats_monthly_cases"
    SELECT date_trunc('month', "day")::date, "region", "fraud_type", sum("cases_opened"),
           sum("cases_solved"), sum("offenders_detained"), sum("frozen_tiyn"),
           sum("frozen_abroad_tiyn"), sum("reimbursed_tiyn")
      FROM "stats_daily_cases" GROUP BY 1, 2, 3;
  END $$`;
}

// ---- the StatsRollups definitions, restored by down ----------------------------------------

const OLD_DAY_FN = `
  CREATE OR REPLACE FUNCTION "stats_day"(ts timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT (ts AT TIME ZONE (SELECT "time_zone" FROM "stats_settings"))::date
  $$`;

const OLD_SYNC_SOLVED_FN = `
  CREATE OR REPLACE FUNCTION "stats_sync_case_solved"(c uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    new_day date;
    old_day date;
  BEGIN
    SELECT CASE WHEN e."data"->>'to' = 'solved' THEN "stats_day"(e."at") END INTO new_day
      FROM "case_events" e
     WHERE e."case_id" = c AND e."type" IN (${STATUS_EVENT_TYPES})
     ORDER BY e."id" DESC
     LIMIT 1;
    SELECT "day" INTO old_day FROM "stats_case_solved" WHERE "case_id" = c FOR UPDATE;
    IF old_day IS NOT DISTINCT FROM new_day THEN
      RETURN;
    END IF;
    IF old_day IS NOT NULL THEN
      PERFORM "stats_bump_case"(c, old_day, 0, -1, 0, 0, 0, 0);
      DELETE FROM "stats_case_solved" WHERE "case_id" = c;
    END IF;
    IF new_day IS NOT NULL THEN
      PERFORM "stats_bump_case"(c, new_day, 0, 1, 0, 0, 0, 0);
      INSERT INTO "stats_case_solved" ("case_id", "day") VALUES (c, new_day);
    END IF;
  END $$`;

const OLD_CASES_TG_FN = `
  CREATE OR REPLACE FUNCTION "stats_tg_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    x record;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      IF NEW."merged_into_id" IS NULL THEN
        PERFORM "stats_bump_case"(NEW."id", "stats_day"(NEW."created_at"), 1, 0, 0, 0, 0, 0);
      END IF;
      RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
      PERFORM "stats_bump_case_keys"("stats_day"(OLD."created_at"), OLD."region",
        OLD."fraud_type", CASE WHEN OLD."merged_into_id" IS NULL THEN -1 ELSE 0 END,
        0, 0, 0, 0, 0);
      DELETE FROM "stats_case_solved" WHERE "case_id" = OLD."id";
      RETURN NULL;
    END IF;
    IF NEW."region" <> OLD."region" OR NEW."fraud_type" <> OLD."fraud_type" THEN
      FOR x IN SELECT * FROM "stats_case_contribution"(NEW."id") LOOP
        PERFORM "stats_bump_case_keys"(x.day, OLD."region", OLD."fraud_type", 0, -x.solved,
          -x.offenders, -x.frozen, -x.abroad, -x.reimbursed);
        PERFORM "stats_bump_case"(NEW."id", x.day, 0, x.solved, x.offenders, x.frozen,
                                  x.abroad, x.reimbursed);
      END LOOP;
    END IF;
    IF NEW."region" <> OLD."region" OR NEW."fraud_type" <> OLD."fraud_type"
       OR NEW."created_at" <> OLD."created_at"
       OR (NEW."merged_into_id" IS NULL) <> (OLD."merged_into_id" IS NULL) THEN
      IF OLD."merged_into_id" IS NULL THEN
        PERFORM "stats_bump_case_keys"("stats_day"(OLD."created_at"), OLD."region",
          OLD."fraud_type", -1, 0, 0, 0, 0, 0);
      END IF;
      IF NEW."merged_into_id" IS NULL THEN
        PERFORM "stats_bump_case"(NEW."id", "stats_day"(NEW."created_at"), 1, 0, 0, 0, 0, 0);
      END IF;
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Stats figures that stay put once reported (docs/stats.md):
 * - `casesSolved`: a case counts once, in the period of its FIRST transition to `solved`
 *   (StatsRollups counted it only while its latest status event was `solved`, so a past
 *   period's figure dropped when the case was reopened);
 * - `casesOpened`: every case created in the period, including ones merged away later;
 * - the reporting time zone is read under a shared advisory lock that `stats_rebuild()` takes
 *   exclusively, so a writer cannot add a day computed in the zone a rebuild just replaced.
 * Rollups are rebuilt under the new rules (and again under the old ones by `down`).
 */
export class StatsStableFigures1763840000100 implements MigrationInterface {
  name = 'StatsStableFigures1763840000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [ZONE_FN, DAY_FN, SYNC_SOLVED_FN, CASES_TG_FN, rebuildFn('stable')]) {
      await queryRunner.query(sql);
    }
    await queryRunner.query(`SELECT "stats_rebuild"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      rebuildFn('original'),
      OLD_CASES_TG_FN,
      OLD_SYNC_SOLVED_FN,
      OLD_DAY_FN,
      `DROP FUNCTION "stats_zone"()`,
    ]) {
      await queryRunner.query(sql);
    }
    await queryRunner.query(`SELECT "stats_rebuild"()`);
  }
}
