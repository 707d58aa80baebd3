import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funds ledger: freeze requests, freezes, releases, reimbursements and their reversals.
 * Amounts are bigint tiyn with CHECKs as the last line of defence behind the services' row
 * locks; the ledger tables are append-only, enforced by a trigger (a merge may still move a row
 * to another case, nothing else may change and nothing may be deleted).
 *
 * Immutable history: the CHECK vocabularies are spelled out as they were when this migration
 * shipped, not read from `@app/common` or the entities, so a later change to a list cannot alter
 * what a fresh database gets here. Change a vocabulary with a new migration.
 */
export class FundsLedger1763840000000 implements MigrationInterface {
  name = 'FundsLedger1763840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "freeze_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "report_id" uuid NOT NULL,
        "transaction_id" uuid NOT NULL,
        "bank" text,
        "account_display" text NOT NULL,
        "account_hash" text NOT NULL,
        "amount_tiyn" bigint NOT NULL,
        "paid_at" timestamptz NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "resolved_by" uuid,
        "dismiss_reason" text,
        "freeze_id" uuid,
        CONSTRAINT "pk_freeze_requests" PRIMARY KEY ("id"),
        CONSTRAINT "uq_freeze_requests_report_id_account_hash" UNIQUE ("report_id", "account_hash"),
        CONSTRAINT "ck_freeze_requests_status" CHECK ("status" IN ('pending', 'frozen', 'dismissed')),
        CONSTRAINT "ck_freeze_requests_amount_tiyn" CHECK ("amount_tiyn" > 0),
        CONSTRAINT "ck_freeze_requests_resolution" CHECK (
          ("status" = 'pending') = ("resolved_at" IS NULL)
          AND ("status" <> 'frozen' OR "freeze_id" IS NOT NULL)
          AND ("status" <> 'dismissed' OR "dismiss_reason" IS NOT NULL)),
        CONSTRAINT "fk_freeze_requests_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_requests_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_requests_transaction" FOREIGN KEY ("transaction_id")
          REFERENCES "report_transactions" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_requests_resolved_by" FOREIGN KEY ("resolved_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_freeze_requests_status_created_at" ON "freeze_requests" ("status", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_freeze_requests_case_id" ON "freeze_requests" ("case_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "freezes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "report_id" uuid,
        "freeze_request_id" uuid,
        "bank" text NOT NULL,
        "account_masked" text NOT NULL,
        "amount_tiyn" bigint NOT NULL,
        "released_tiyn" bigint NOT NULL DEFAULT 0,
        "frozen_at" timestamptz NOT NULL,
        "stage" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "extended_at" timestamptz,
        "sanction_ref" text,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_freezes" PRIMARY KEY ("id"),
        CONSTRAINT "uq_freezes_freeze_request_id" UNIQUE ("freeze_request_id"),
        CONSTRAINT "ck_freezes_amount_tiyn" CHECK ("amount_tiyn" > 0),
        CONSTRAINT "ck_freezes_released_tiyn"
          CHECK ("released_tiyn" >= 0 AND "released_tiyn" <= "amount_tiyn"),
        CONSTRAINT "ck_freezes_stage" CHECK ("stage" IN ('domestic', 'withdrawal_abroad')),
        CONSTRAINT "ck_freezes_extension" CHECK (("extended_at" IS NULL) = ("sanction_ref" IS NULL)),
        CONSTRAINT "fk_freezes_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freezes_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freezes_freeze_request" FOREIGN KEY ("freeze_request_id")
          REFERENCES "freeze_requests" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freezes_created_by" FOREIGN KEY ("created_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_freezes_case_id" ON "freezes" ("case_id")`);
    await queryRunner.query(`CREATE INDEX "ix_freezes_report_id" ON "freezes" ("report_id")`);
    await queryRunner.query(`CREATE INDEX "ix_freezes_frozen_at" ON "freezes" ("frozen_at")`);
    await queryRunner.query(`CREATE INDEX "ix_freezes_expires_at" ON "freezes" ("expires_at")`);
    await queryRunner.query(`
      ALTER TABLE "freeze_requests" ADD CONSTRAINT "fk_freeze_requests_freeze"
        FOREIGN KEY ("freeze_id") REFERENCES "freezes" ("id") ON DELETE RESTRICT`);

    await queryRunner.query(`
      CREATE TABLE "reimbursements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "report_id" uuid NOT NULL,
        "amount_tiyn" bigint NOT NULL,
        "source" text NOT NULL,
        "paid_at" timestamptz NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reimbursements" PRIMARY KEY ("id"),
        CONSTRAINT "ck_reimbursements_amount_tiyn" CHECK ("amount_tiyn" > 0),
        CONSTRAINT "ck_reimbursements_source" CHECK ("source" IN ('frozen_funds', 'offender_voluntary', 'bank_compensation', 'court_order')),
        CONSTRAINT "fk_reimbursements_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_reimbursements_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_reimbursements_created_by" FOREIGN KEY ("created_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_reimbursements_case_id" ON "reimbursements" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reimbursements_report_id" ON "reimbursements" ("report_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reimbursements_paid_at" ON "reimbursements" ("paid_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "reimbursement_reversals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reimbursement_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "reversed_by" uuid NOT NULL,
        "reversed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reimbursement_reversals" PRIMARY KEY ("id"),
        CONSTRAINT "uq_reimbursement_reversals_reimbursement_id" UNIQUE ("reimbursement_id"),
        CONSTRAINT "fk_reimbursement_reversals_reimbursement" FOREIGN KEY ("reimbursement_id")
          REFERENCES "reimbursements" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_reimbursement_reversals_reversed_by" FOREIGN KEY ("reversed_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);

    await queryRunner.query(`
      CREATE TABLE "freeze_releases" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "freeze_id" uuid NOT NULL,
        "amount_tiyn" bigint NOT NULL,
        "recipient" text NOT NULL,
        "report_id" uuid,
        "reimbursement_id" uuid,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_freeze_releases" PRIMARY KEY ("id"),
        CONSTRAINT "uq_freeze_releases_reimbursement_id" UNIQUE ("reimbursement_id"),
        CONSTRAINT "ck_freeze_releases_amount_tiyn" CHECK ("amount_tiyn" > 0),
        CONSTRAINT "ck_freeze_releases_recipient" CHECK ("recipient" IN ('victim', 'holder')),
        CONSTRAINT "ck_freeze_releases_victim" CHECK (
          ("recipient" = 'victim') = ("reimbursement_id" IS NOT NULL)
          AND ("recipient" <> 'victim' OR "report_id" IS NOT NULL)),
        CONSTRAINT "fk_freeze_releases_freeze" FOREIGN KEY ("freeze_id")
          REFERENCES "freezes" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_releases_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_releases_reimbursement" FOREIGN KEY ("reimbursement_id")
          REFERENCES "reimbursements" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_freeze_releases_created_by" FOREIGN KEY ("created_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_freeze_releases_freeze_id" ON "freeze_releases" ("freeze_id")`,
    );

    // Append-only backstop: only case_id may change (a merge moves money to the target case).
    await queryRunner.query(`
      CREATE FUNCTION "funds_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION '% is append-only: rows cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
        END IF;
        IF (to_jsonb(NEW) - 'case_id') IS DISTINCT FROM (to_jsonb(OLD) - 'case_id') THEN
          RAISE EXCEPTION '% is append-only: only case_id may change', TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['reimbursements', 'reimbursement_reversals', 'freeze_releases']) {
      await queryRunner.query(`
        CREATE TRIGGER "tg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION "funds_append_only"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "freeze_releases"`);
    await queryRunner.query(`DROP TABLE "reimbursement_reversals"`);
    await queryRunner.query(`DROP TABLE "reimbursements"`);
    await queryRunner.query(
      `ALTER TABLE "freeze_requests" DROP CONSTRAINT "fk_freeze_requests_freeze"`,
    );
    await queryRunner.query(`DROP TABLE "freezes"`);
    await queryRunner.query(`DROP TABLE "freeze_requests"`);
    await queryRunner.query(`DROP FUNCTION "funds_append_only"()`);
  }
}
