import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report's status, frozen and reimbursed amounts stop being stored copies that other libs
 * kept in step: status is derived from the report's case, the amounts from the funds ledger.
 * "Net reimbursed ≤ loss" keeps a database backstop in a constraint trigger on
 * `reimbursements` (funds' table), raising check_violation like the CHECK it replaces.
 * Values are spelled out: migrations are immutable history.
 */
export class DerivedReportFigures1763900000000 implements MigrationInterface {
  name = 'DerivedReportFigures1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "reports"
      DROP CONSTRAINT "ck_reports_status",
      DROP CONSTRAINT "ck_reports_reimbursed_tiyn",
      DROP CONSTRAINT "ck_reports_frozen_tiyn",
      DROP COLUMN "status",
      DROP COLUMN "reimbursed_tiyn",
      DROP COLUMN "frozen_tiyn"`);
    await q(`
      CREATE FUNCTION "funds_reimbursed_within_loss"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        net bigint;
        loss bigint;
      BEGIN
        SELECT coalesce(sum(r."amount_tiyn"), 0) INTO net FROM "reimbursements" r
         WHERE r."report_id" = NEW."report_id"
           AND NOT EXISTS (SELECT 1 FROM "reimbursement_reversals" v
                            WHERE v."reimbursement_id" = r."id");
        SELECT "loss_tiyn" INTO loss FROM "reports" WHERE "id" = NEW."report_id";
        IF net > loss THEN
          RAISE EXCEPTION 'net reimbursed % exceeds the loss % of report %',
            net, loss, NEW."report_id"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_reimbursements_within_loss';
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE CONSTRAINT TRIGGER "tg_reimbursements_within_loss"
        AFTER INSERT ON "reimbursements" FOR EACH ROW
        EXECUTE FUNCTION "funds_reimbursed_within_loss"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER "tg_reimbursements_within_loss" ON "reimbursements"`);
    await q(`DROP FUNCTION "funds_reimbursed_within_loss"()`);
    await q(`ALTER TABLE "reports"
      ADD COLUMN "status" text NOT NULL DEFAULT 'received',
      ADD COLUMN "reimbursed_tiyn" bigint NOT NULL DEFAULT 0,
      ADD COLUMN "frozen_tiyn" bigint NOT NULL DEFAULT 0`);
    await q(`UPDATE "reports" p
                SET "status" = CASE WHEN c."status" = 'open' THEN 'in_review' ELSE c."status" END
               FROM "cases" c WHERE c."id" = p."case_id"`);
    await q(`UPDATE "reports" p SET "frozen_tiyn" = f."total"
               FROM (SELECT "report_id", sum("amount_tiyn") AS "total" FROM "freezes"
                      WHERE "report_id" IS NOT NULL GROUP BY "report_id") f
              WHERE f."report_id" = p."id"`);
    await q(`UPDATE "reports" p SET "reimbursed_tiyn" = r."total"
               FROM (SELECT "report_id", sum("amount_tiyn") AS "total" FROM "reimbursements" x
                      WHERE NOT EXISTS (SELECT 1 FROM "reimbursement_reversals" v
                                         WHERE v."reimbursement_id" = x."id")
                      GROUP BY "report_id") r
              WHERE r."report_id" = p."id"`);
    await q(`ALTER TABLE "reports"
      ADD CONSTRAINT "ck_reports_status" CHECK ("status" IN ('received', 'in_review',
        'investigating', 'solved', 'closed', 'referred')),
      ADD CONSTRAINT "ck_reports_reimbursed_tiyn"
        CHECK ("reimbursed_tiyn" >= 0 AND "reimbursed_tiyn" <= "loss_tiyn"),
      ADD CONSTRAINT "ck_reports_frozen_tiyn" CHECK ("frozen_tiyn" >= 0)`);
  }
}
