import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-case rollups for the case reads (issue 14, docs/SCALING.md): without them the detail of
 * a pyramid case ranked every (report, identifier) pair of the case (50,000 at 25,000 reports,
 * 299 ms p95) and every case summary counted and summed the case's reports.
 *
 * - `case_rollups`: one row per case that has had a report: its report count, loss and the
 *   number of distinct identifiers its reports name;
 * - `case_identifier_rollups`: one row per (case, type, value) with the reports of the case
 *   naming it; the detail's top 50 is then an index scan of 50 entries.
 *
 * Kept by row triggers in the transaction of the write, whichever code path makes it (triage
 * one by one or in batches, statements adding identifiers or loss, merges moving reports), so
 * no caller can forget them. Lock order: a trigger locks the case's `case_rollups` row before
 * any of its identifier rows, after the `cases` row its writer already holds (triage and merge
 * lock cases first); a statement adding identifiers takes the same rollup row first, so two
 * writers on one case queue on that row instead of deadlocking on identifier rows.
 *
 * `case_rollups_rebuild()` recomputes both from `reports` and `report_identifiers` (the backfill
 * below, and the bench loader, which writes with triggers off).
 */
export class CaseRollups1764370000000 implements MigrationInterface {
  name = 'CaseRollups1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE "case_rollups" (
        "case_id" uuid NOT NULL,
        "report_count" integer NOT NULL,
        -- numeric, like the stats rollups: a sum of bigint losses must not overflow.
        "loss_tiyn" numeric NOT NULL,
        "identifier_count" integer NOT NULL,
        CONSTRAINT "pk_case_rollups" PRIMARY KEY ("case_id"),
        CONSTRAINT "fk_case_rollups_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE CASCADE
      )`);
    await q(`
      CREATE TABLE "case_identifier_rollups" (
        "case_id" uuid NOT NULL,
        "type" text NOT NULL,
        "value" text NOT NULL,
        "report_count" integer NOT NULL,
        CONSTRAINT "pk_case_identifier_rollups" PRIMARY KEY ("case_id", "type", "value"),
        CONSTRAINT "ck_case_identifier_rollups_count" CHECK ("report_count" > 0),
        CONSTRAINT "fk_case_identifier_rollups_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE CASCADE
      )`);
    // The detail's order: most reports first, then type and value.
    await q(`
      CREATE INDEX "ix_case_identifier_rollups_rank"
        ON "case_identifier_rollups" ("case_id", "report_count" DESC, "type", "value")`);

    // One report more (delta 1) or less (-1) in case c with loss `loss`.
    await q(`
      CREATE FUNCTION "case_rollups_bump"(c uuid, delta integer, loss numeric)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO "case_rollups" AS r ("case_id", "report_count", "loss_tiyn", "identifier_count")
        VALUES (c, delta, loss, 0)
        ON CONFLICT ("case_id") DO UPDATE
          SET "report_count" = r."report_count" + EXCLUDED."report_count",
              "loss_tiyn" = r."loss_tiyn" + EXCLUDED."loss_tiyn"
      $$`);
    // One report of case c more (1) or less (-1) naming (t, v); the case's rollup row first.
    await q(`
      CREATE FUNCTION "case_rollups_bump_identifier"(c uuid, t text, v text, delta integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        created boolean;
      BEGIN
        PERFORM 1 FROM "case_rollups" WHERE "case_id" = c FOR UPDATE;
        IF delta > 0 THEN
          INSERT INTO "case_identifier_rollups" AS r ("case_id", "type", "value", "report_count")
          VALUES (c, t, v, delta)
          ON CONFLICT ("case_id", "type", "value") DO UPDATE
            SET "report_count" = r."report_count" + EXCLUDED."report_count"
          RETURNING (xmax = 0) INTO created;
          IF created THEN
            UPDATE "case_rollups" SET "identifier_count" = "identifier_count" + 1
             WHERE "case_id" = c;
          END IF;
        ELSE
          -- The last report naming it leaves: the row goes (a count of 0 is never stored).
          DELETE FROM "case_identifier_rollups"
           WHERE "case_id" = c AND "type" = t AND "value" = v AND "report_count" + delta <= 0;
          IF FOUND THEN
            UPDATE "case_rollups" SET "identifier_count" = "identifier_count" - 1
             WHERE "case_id" = c;
          ELSE
            UPDATE "case_identifier_rollups" SET "report_count" = "report_count" + delta
             WHERE "case_id" = c AND "type" = t AND "value" = v;
          END IF;
        END IF;
      END $$`);

    await q(`
      CREATE FUNCTION "case_rollups_tg_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW."case_id" IS NOT DISTINCT FROM OLD."case_id"
           AND NEW."loss_tiyn" = OLD."loss_tiyn" THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."case_id" IS NOT NULL THEN
          PERFORM "case_rollups_bump"(OLD."case_id", -1, -OLD."loss_tiyn");
          IF TG_OP = 'DELETE' OR NEW."case_id" IS DISTINCT FROM OLD."case_id" THEN
            PERFORM "case_rollups_bump_identifier"(OLD."case_id", i."type", i."value", -1)
               FROM "report_identifiers" i WHERE i."report_id" = OLD."id"
              ORDER BY i."type", i."value";
          END IF;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."case_id" IS NOT NULL THEN
          PERFORM "case_rollups_bump"(NEW."case_id", 1, NEW."loss_tiyn");
          IF TG_OP = 'INSERT' OR NEW."case_id" IS DISTINCT FROM OLD."case_id" THEN
            PERFORM "case_rollups_bump_identifier"(NEW."case_id", i."type", i."value", 1)
               FROM "report_identifiers" i WHERE i."report_id" = NEW."id"
              ORDER BY i."type", i."value";
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_reports_case_rollups"
        AFTER INSERT OR DELETE OR UPDATE OF "case_id", "loss_tiyn"
        ON "reports" FOR EACH ROW EXECUTE FUNCTION "case_rollups_tg_reports"()`);

    // An identifier added to (or removed from) a report already in a case: a statement.
    await q(`
      CREATE FUNCTION "case_rollups_tg_report_identifiers"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        c uuid;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW."report_id" = OLD."report_id" AND NEW."type" = OLD."type"
           AND NEW."value" = OLD."value" THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          SELECT "case_id" INTO c FROM "reports" WHERE "id" = OLD."report_id";
          IF c IS NOT NULL THEN
            PERFORM "case_rollups_bump_identifier"(c, OLD."type", OLD."value", -1);
          END IF;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          SELECT "case_id" INTO c FROM "reports" WHERE "id" = NEW."report_id";
          IF c IS NOT NULL THEN
            PERFORM "case_rollups_bump_identifier"(c, NEW."type", NEW."value", 1);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER "tg_report_identifiers_case_rollups"
        AFTER INSERT OR DELETE OR UPDATE ON "report_identifiers"
        FOR EACH ROW EXECUTE FUNCTION "case_rollups_tg_report_identifiers"()`);

    // Recount from the source rows; run with writers stopped (a repair, a bulk load).
    await q(`
      CREATE FUNCTION "case_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM "case_identifier_rollups";
        DELETE FROM "case_rollups";
        INSERT INTO "case_identifier_rollups" ("case_id", "type", "value", "report_count")
        SELECT r."case_id", i."type", i."value", count(*)
          FROM "reports" r JOIN "report_identifiers" i ON i."report_id" = r."id"
         WHERE r."case_id" IS NOT NULL
         GROUP BY r."case_id", i."type", i."value";
        INSERT INTO "case_rollups" ("case_id", "report_count", "loss_tiyn", "identifier_count")
        SELECT t."case_id", t."reports", t."loss", COALESCE(x."identifiers", 0)
          FROM (SELECT "case_id", count(*) AS "reports", sum("loss_tiyn") AS "loss"
                  FROM "reports" WHERE "case_id" IS NOT NULL GROUP BY "case_id") t
          LEFT JOIN (SELECT "case_id", count(*) AS "identifiers"
                       FROM "case_identifier_rollups" GROUP BY "case_id") x
            ON x."case_id" = t."case_id";
      END $$`);
    await q(`SELECT "case_rollups_rebuild"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER "tg_report_identifiers_case_rollups" ON "report_identifiers"`);
    await q(`DROP TRIGGER "tg_reports_case_rollups" ON "reports"`);
    await q(`DROP FUNCTION "case_rollups_rebuild"()`);
    await q(`DROP FUNCTION "case_rollups_tg_report_identifiers"()`);
    await q(`DROP FUNCTION "case_rollups_tg_reports"()`);
    await q(`DROP FUNCTION "case_rollups_bump_identifier"(uuid, text, text, integer)`);
    await q(`DROP FUNCTION "case_rollups_bump"(uuid, integer, numeric)`);
    await q(`DROP TABLE "case_identifier_rollups"`);
    await q(`DROP TABLE "case_rollups"`);
  }
}
