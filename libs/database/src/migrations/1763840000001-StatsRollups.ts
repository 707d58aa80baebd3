import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case timeline entries that record a status change with `data.to` (the workflow writes
 * `case.transitioned`; the other spellings are accepted so fixtures and older rows count).
 * Spelled out as SQL: migrations are immutable history and import nothing but `typeorm`.
 */
const STATUS_EVENT_TYPES = `'case.transitioned', 'case.status_changed', 'status.changed'`;

const CASE_SUMS = `"cases_opened" = s."cases_opened" + EXCLUDED."cases_opened",
  "cases_solved" = s."cases_solved" + EXCLUDED."cases_solved",
  "offenders_detained" = s."offenders_detained" + EXCLUDED."offenders_detained",
  "frozen_tiyn" = s."frozen_tiyn" + EXCLUDED."frozen_tiyn",
  "frozen_abroad_tiyn" = s."frozen_abroad_tiyn" + EXCLUDED."frozen_abroad_tiyn",
  "reimbursed_tiyn" = s."reimbursed_tiyn" + EXCLUDED."reimbursed_tiyn"`;
const REPORT_SUMS = `"reports_received" = s."reports_received" + EXCLUDED."reports_received",
  "damage_tiyn" = s."damage_tiyn" + EXCLUDED."damage_tiyn"`;

/**
 * Daily (and monthly) rollups for the supervisor totals (docs/stats.md), kept exact by
 * triggers so that every writer (intake, triage, workflow, merge, funds, fixtures written in
 * SQL) is covered in its own transaction. Two families because the figures are keyed
 * differently:
 * - `stats_*_reports`: by the report's day, reporter region and report fraud type;
 * - `stats_*_cases`: by the record's day and the CASE's region and fraud type.
 * A day is the date in the reporting time zone held in `stats_settings` (the API rewrites it
 * and rebuilds the rollups when REPORTING_TIME_ZONE changes). The monthly tables (day = first
 * of the month) are written by the same functions and let long periods read few rows.
 *
 * casesSolved: a case counts once, on the day (`at`) of its latest status event
 * (`case.transitioned`, latest by insertion order, i.e. the last transition made), and only
 * while that event's `to` is `solved`; `stats_case_solved` remembers which day was counted.
 */
export class StatsRollups1763840000001 implements MigrationInterface {
  name = 'StatsRollups1763840000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    await q(`
      CREATE TABLE "stats_settings" (
        "id" boolean NOT NULL DEFAULT true,
        "time_zone" text NOT NULL,
        CONSTRAINT "pk_stats_settings" PRIMARY KEY ("id"),
        CONSTRAINT "ck_stats_settings_single_row" CHECK ("id")
      )`);
    await q(`INSERT INTO "stats_settings" ("time_zone") VALUES ('Asia/Almaty')`);

    for (const grain of ['daily', 'monthly']) {
      await q(`
        CREATE TABLE "stats_${grain}_reports" (
          "day" date NOT NULL,
          "region" text NOT NULL,
          "fraud_type" text NOT NULL,
          "reports_received" bigint NOT NULL DEFAULT 0,
          "damage_tiyn" bigint NOT NULL DEFAULT 0,
          CONSTRAINT "pk_stats_${grain}_reports" PRIMARY KEY ("day", "region", "fraud_type")
        )`);
      await q(`
        CREATE TABLE "stats_${grain}_cases" (
          "day" date NOT NULL,
          "region" text NOT NULL,
          "fraud_type" text NOT NULL,
          "cases_opened" bigint NOT NULL DEFAULT 0,
          "cases_solved" bigint NOT NULL DEFAULT 0,
          "offenders_detained" bigint NOT NULL DEFAULT 0,
          "frozen_tiyn" bigint NOT NULL DEFAULT 0,
          "frozen_abroad_tiyn" bigint NOT NULL DEFAULT 0,
          "reimbursed_tiyn" bigint NOT NULL DEFAULT 0,
          CONSTRAINT "pk_stats_${grain}_cases" PRIMARY KEY ("day", "region", "fraud_type")
        )`);
      for (const kind of ['reports', 'cases']) {
        for (const column of ['region', 'fraud_type']) {
          await q(
            `CREATE INDEX "ix_stats_${grain}_${kind}_${column}_day"
               ON "stats_${grain}_${kind}" ("${column}", "day")`,
          );
        }
      }
    }
    await q(`
      CREATE TABLE "stats_case_solved" (
        "case_id" uuid NOT NULL,
        "day" date NOT NULL,
        CONSTRAINT "pk_stats_case_solved" PRIMARY KEY ("case_id")
      )`);

    await q(`
      CREATE FUNCTION "stats_day"(ts timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT (ts AT TIME ZONE (SELECT "time_zone" FROM "stats_settings"))::date
      $$`);

    await q(`
      CREATE FUNCTION "stats_bump_reports"(d date, r text, f text, n bigint, dmg bigint)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO "stats_daily_reports" AS s VALUES (d, r, f, n, dmg)
        ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${REPORT_SUMS};
        INSERT INTO "stats_monthly_reports" AS s
        VALUES (date_trunc('month', d)::date, r, f, n, dmg)
        ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${REPORT_SUMS};
      $$`);

    // Adds to the case rollups of (day, region, fraud type), daily and monthly.
    await q(`
      CREATE FUNCTION "stats_bump_case_keys"(
        d date, r text, f text, opened bigint, solved bigint, offenders bigint,
        frozen bigint, abroad bigint, reimbursed bigint)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO "stats_daily_cases" AS s
        VALUES (d, r, f, opened, solved, offenders, frozen, abroad, reimbursed)
        ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${CASE_SUMS};
        INSERT INTO "stats_monthly_cases" AS s
        VALUES (date_trunc('month', d)::date, r, f, opened, solved, offenders, frozen, abroad,
                reimbursed)
        ON CONFLICT ("day", "region", "fraud_type") DO UPDATE SET ${CASE_SUMS};
      $$`);

    // With the case's current region and fraud type; a no-op for a missing case.
    await q(`
      CREATE FUNCTION "stats_bump_case"(
        c uuid, d date, opened bigint, solved bigint, offenders bigint,
        frozen bigint, abroad bigint, reimbursed bigint)
      RETURNS void LANGUAGE sql AS $$
        SELECT "stats_bump_case_keys"(d, k."region", k."fraud_type", opened, solved, offenders,
                                      frozen, abroad, reimbursed)
          FROM "cases" k WHERE k."id" = c
      $$`);

    // reports ---------------------------------------------------------------------------------
    await q(`
      CREATE FUNCTION "stats_tg_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW."submitted_at" = OLD."submitted_at"
           AND NEW."region" = OLD."region" AND NEW."fraud_type" = OLD."fraud_type"
           AND NEW."loss_tiyn" = OLD."loss_tiyn" THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM "stats_bump_reports"("stats_day"(OLD."submitted_at"), OLD."region",
                                       OLD."fraud_type", -1, -OLD."loss_tiyn");
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM "stats_bump_reports"("stats_day"(NEW."submitted_at"), NEW."region",
                                       NEW."fraud_type", 1, NEW."loss_tiyn");
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_reports_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "submitted_at", "region", "fraud_type", "loss_tiyn"
        ON "reports" FOR EACH ROW EXECUTE FUNCTION "stats_tg_reports"()`);

    // solved: the day counted for a case, re-derived from its status events -------------------
    await q(`
      CREATE FUNCTION "stats_sync_case_solved"(c uuid) RETURNS void LANGUAGE plpgsql AS $$
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
      END $$`);
    await q(`
      CREATE FUNCTION "stats_tg_case_events"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' AND NEW."type" IN (${STATUS_EVENT_TYPES}) THEN
          PERFORM "stats_sync_case_solved"(NEW."case_id");
        END IF;
        IF TG_OP <> 'INSERT' AND OLD."type" IN (${STATUS_EVENT_TYPES})
           AND (TG_OP = 'DELETE' OR OLD."case_id" <> NEW."case_id" OR OLD."type" <> NEW."type") THEN
          PERFORM "stats_sync_case_solved"(OLD."case_id");
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_case_events_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "case_id", "type", "data", "at"
        ON "case_events" FOR EACH ROW EXECUTE FUNCTION "stats_tg_case_events"()`);

    // Everything one case contributes to the case rollups, per day (used when its region or
    // fraud type changes).
    await q(`
      CREATE FUNCTION "stats_case_contribution"(c uuid)
      RETURNS TABLE (day date, solved bigint, offenders bigint, frozen bigint, abroad bigint,
                     reimbursed bigint)
      LANGUAGE sql STABLE AS $$
        SELECT x.day, sum(x.solved)::bigint, sum(x.offenders)::bigint, sum(x.frozen)::bigint,
               sum(x.abroad)::bigint, sum(x.reimbursed)::bigint
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
      $$`);

    // cases -----------------------------------------------------------------------------------
    await q(`
      CREATE FUNCTION "stats_tg_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
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
          -- The row is gone, so bump_case cannot look it up: write with OLD's keys directly.
          PERFORM "stats_bump_case_keys"("stats_day"(OLD."created_at"), OLD."region",
            OLD."fraud_type", CASE WHEN OLD."merged_into_id" IS NULL THEN -1 ELSE 0 END,
            0, 0, 0, 0, 0);
          DELETE FROM "stats_case_solved" WHERE "case_id" = OLD."id";
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
      END $$`);
    await q(`
      CREATE TRIGGER "tg_cases_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "region", "fraud_type", "created_at", "merged_into_id"
        ON "cases" FOR EACH ROW EXECUTE FUNCTION "stats_tg_cases"()`);

    // offender records, freezes, reimbursements, reversals: subtract OLD, add NEW ---------------
    await q(`
      CREATE FUNCTION "stats_tg_offender_records"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM "stats_bump_case"(OLD."case_id", "stats_day"(OLD."detained_at"),
                                    0, 0, -OLD."count", 0, 0, 0);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM "stats_bump_case"(NEW."case_id", "stats_day"(NEW."detained_at"),
                                    0, 0, NEW."count", 0, 0, 0);
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_offender_records_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "case_id", "count", "detained_at"
        ON "offender_records" FOR EACH ROW EXECUTE FUNCTION "stats_tg_offender_records"()`);

    await q(`
      CREATE FUNCTION "stats_tg_freezes"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM "stats_bump_case"(OLD."case_id", "stats_day"(OLD."frozen_at"), 0, 0, 0,
            -OLD."amount_tiyn",
            CASE WHEN OLD."stage" = 'withdrawal_abroad' THEN -OLD."amount_tiyn" ELSE 0 END, 0);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM "stats_bump_case"(NEW."case_id", "stats_day"(NEW."frozen_at"), 0, 0, 0,
            NEW."amount_tiyn",
            CASE WHEN NEW."stage" = 'withdrawal_abroad' THEN NEW."amount_tiyn" ELSE 0 END, 0);
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_freezes_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "case_id", "amount_tiyn", "frozen_at", "stage"
        ON "freezes" FOR EACH ROW EXECUTE FUNCTION "stats_tg_freezes"()`);

    // A reversed reimbursement contributes nothing, whichever case it is moved to.
    await q(`
      CREATE FUNCTION "stats_tg_reimbursements"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        reversed boolean;
      BEGIN
        SELECT EXISTS (SELECT 1 FROM "reimbursement_reversals"
                        WHERE "reimbursement_id" = COALESCE(NEW."id", OLD."id")) INTO reversed;
        IF reversed THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM "stats_bump_case"(OLD."case_id", "stats_day"(OLD."paid_at"),
                                    0, 0, 0, 0, 0, -OLD."amount_tiyn");
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM "stats_bump_case"(NEW."case_id", "stats_day"(NEW."paid_at"),
                                    0, 0, 0, 0, 0, NEW."amount_tiyn");
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_reimbursements_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "case_id", "amount_tiyn", "paid_at"
        ON "reimbursements" FOR EACH ROW EXECUTE FUNCTION "stats_tg_reimbursements"()`);

    await q(`
      CREATE FUNCTION "stats_tg_reimbursement_reversals"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          SELECT * INTO r FROM "reimbursements" WHERE "id" = OLD."reimbursement_id";
          PERFORM "stats_bump_case"(r."case_id", "stats_day"(r."paid_at"),
                                    0, 0, 0, 0, 0, r."amount_tiyn");
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          SELECT * INTO r FROM "reimbursements" WHERE "id" = NEW."reimbursement_id";
          PERFORM "stats_bump_case"(r."case_id", "stats_day"(r."paid_at"),
                                    0, 0, 0, 0, 0, -r."amount_tiyn");
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_reimbursement_reversals_stats"
        AFTER INSERT OR DELETE OR UPDATE OF "reimbursement_id"
        ON "reimbursement_reversals" FOR EACH ROW
        EXECUTE FUNCTION "stats_tg_reimbursement_reversals"()`);

    // Rebuild from the raw rows: after a time-zone change, a bulk load with triggers off, or to
    // prove the rollups right (the bench and the tests compare both).
    await q(`
      CREATE FUNCTION "stats_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE "stats_daily_reports", "stats_daily_cases", "stats_monthly_reports",
          "stats_monthly_cases", "stats_case_solved" IN EXCLUSIVE MODE;
        DELETE FROM "stats_daily_reports";
        DELETE FROM "stats_daily_cases";
        DELETE FROM "stats_monthly_reports";
        DELETE FROM "stats_monthly_cases";
        DELETE FROM "stats_case_solved";
        INSERT INTO "stats_daily_reports"
        SELECT "stats_day"("submitted_at"), "region", "fraud_type", count(*), sum("loss_tiyn")
          FROM "reports" GROUP BY 1, 2, 3;
        INSERT INTO "stats_case_solved" ("case_id", "day")
        SELECT l."case_id", "stats_day"(l."at")
          FROM (SELECT DISTINCT ON (e."case_id") e."case_id", e."at", e."data"
                  FROM "case_events" e
                 WHERE e."type" IN (${STATUS_EVENT_TYPES})
                 ORDER BY e."case_id", e."id" DESC) l
         WHERE l."data"->>'to' = 'solved';
        INSERT INTO "stats_daily_cases"
        SELECT x.day, k."region", k."fraud_type", sum(x.opened), sum(x.solved),
               sum(x.offenders), sum(x.frozen), sum(x.abroad), sum(x.reimbursed)
          FROM (
            SELECT c."id" AS case_id, "stats_day"(c."created_at") AS day, 1 AS opened,
                   0 AS solved, 0 AS offenders, 0::bigint AS frozen, 0::bigint AS abroad,
                   0::bigint AS reimbursed
              FROM "cases" c WHERE c."merged_into_id" IS NULL
            UNION ALL
            SELECT s."case_id", s."day", 0, 1, 0, 0, 0, 0 FROM "stats_case_solved" s
            UNION ALL
            SELECT o."case_id", "stats_day"(o."detained_at"), 0, 0, o."count", 0, 0, 0
              FROM "offender_records" o
            UNION ALL
            SELECT f."case_id", "stats_day"(f."frozen_at"), 0, 0, 0, f."amount_tiyn",
                   CASE WHEN f."stage" = 'withdrawal_abroad' THEN f."amount_tiyn" ELSE 0 END, 0
              FROM "freezes" f
            UNION ALL
            SELECT r."case_id", "stats_day"(r."paid_at"), 0, 0, 0, 0, 0, r."amount_tiyn"
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
      END $$`);

    // Existing rows (a database migrated with data already in it).
    await q(`SELECT "stats_rebuild"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER "tg_reimbursement_reversals_stats" ON "reimbursement_reversals"`);
    await q(`DROP TRIGGER "tg_reimbursements_stats" ON "reimbursements"`);
    await q(`DROP TRIGGER "tg_freezes_stats" ON "freezes"`);
    await q(`DROP TRIGGER "tg_offender_records_stats" ON "offender_records"`);
    await q(`DROP TRIGGER "tg_cases_stats" ON "cases"`);
    await q(`DROP TRIGGER "tg_case_events_stats" ON "case_events"`);
    await q(`DROP TRIGGER "tg_reports_stats" ON "reports"`);
    for (const fn of [
      'stats_rebuild()',
      'stats_tg_reimbursement_reversals()',
      'stats_tg_reimbursements()',
      'stats_tg_freezes()',
      'stats_tg_offender_records()',
      'stats_tg_cases()',
      'stats_case_contribution(uuid)',
      'stats_tg_case_events()',
      'stats_sync_case_solved(uuid)',
      'stats_tg_reports()',
      'stats_bump_case(uuid, date, bigint, bigint, bigint, bigint, bigint, bigint)',
      'stats_bump_case_keys(date, text, text, bigint, bigint, bigint, bigint, bigint, bigint)',
      'stats_bump_reports(date, text, text, bigint, bigint)',
      'stats_day(timestamptz)',
    ]) {
      await q(`DROP FUNCTION ${fn}`);
    }
    for (const table of [
      'stats_case_solved',
      'stats_monthly_cases',
      'stats_monthly_reports',
      'stats_daily_cases',
      'stats_daily_reports',
      'stats_settings',
    ]) {
      await q(`DROP TABLE "${table}"`);
    }
  }
}
