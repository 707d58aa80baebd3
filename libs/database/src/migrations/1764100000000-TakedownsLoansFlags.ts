import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national report's other figures from records: the `financial_pyramid` case flag (cases),
 * takedowns (takedowns) and loan write-offs (loans). Every row is history: a flag is withdrawn,
 * an outcome recorded, each once, and nothing is deleted; the triggers below hold that (and
 * "no outcome in the future") behind the services, raising check_violation like a CHECK.
 * Values are spelled out: migrations are immutable history.
 */
export class TakedownsLoansFlags1764100000000 implements MigrationInterface {
  name = 'TakedownsLoansFlags1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE "case_flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "flag" text NOT NULL,
        "set_at" timestamptz NOT NULL DEFAULT now(),
        "set_by" uuid NOT NULL,
        "withdrawn_at" timestamptz,
        "withdrawn_by" uuid,
        CONSTRAINT "pk_case_flags" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_flags_flag" CHECK ("flag" IN ('financial_pyramid')),
        CONSTRAINT "ck_case_flags_withdrawal" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)),
        CONSTRAINT "ck_case_flags_withdrawn_after_set" CHECK ("withdrawn_at" IS NULL OR "withdrawn_at" >= "set_at"),
        CONSTRAINT "fk_case_flags_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_case_flags_set_by" FOREIGN KEY ("set_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_case_flags_withdrawn_by" FOREIGN KEY ("withdrawn_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q(`CREATE UNIQUE INDEX "uq_case_flags_standing" ON "case_flags" ("case_id", "flag")
              WHERE "withdrawn_at" IS NULL`);
    await q(`CREATE INDEX "ix_case_flags_set_at" ON "case_flags" ("set_at")
              WHERE "withdrawn_at" IS NULL`);

    await q(`
      CREATE TABLE "takedowns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "identifier_type" text NOT NULL,
        "identifier_value" text NOT NULL,
        "identifier_display" text NOT NULL,
        "platform" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "requested_by" uuid NOT NULL,
        "note" text,
        "outcome" text,
        "outcome_at" timestamptz,
        "outcome_by" uuid,
        "outcome_note" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_takedowns" PRIMARY KEY ("id"),
        CONSTRAINT "ck_takedowns_kind" CHECK ("kind" IN ('messenger_chat', 'website', 'social_profile', 'phone_number', 'card', 'other')),
        CONSTRAINT "ck_takedowns_identifier_type" CHECK ("identifier_type" IN ('phone', 'card', 'iban', 'url', 'messenger', 'email', 'crypto_wallet', 'social_profile')),
        CONSTRAINT "ck_takedowns_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('blocked', 'refused')),
        CONSTRAINT "ck_takedowns_outcome_complete" CHECK (("outcome" IS NULL) = ("outcome_at" IS NULL) AND ("outcome" IS NULL) = ("outcome_by" IS NULL)),
        CONSTRAINT "ck_takedowns_outcome_after_request" CHECK ("outcome_at" IS NULL OR "outcome_at" >= "requested_at"),
        CONSTRAINT "fk_takedowns_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_takedowns_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_takedowns_outcome_by" FOREIGN KEY ("outcome_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q(`CREATE INDEX "ix_takedowns_case_id" ON "takedowns" ("case_id")`);
    await q(
      `CREATE INDEX "ix_takedowns_identifier" ON "takedowns" ("identifier_type", "identifier_value")`,
    );
    await q(`CREATE INDEX "ix_takedowns_blocked_at" ON "takedowns" ("outcome_at")
              WHERE "outcome" = 'blocked'`);
    await q(`CREATE INDEX "ix_takedowns_pending" ON "takedowns" ("requested_at")
              WHERE "outcome" IS NULL`);

    await q(`
      CREATE TABLE "loan_writeoffs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "lender" text NOT NULL,
        "contract_number" text NOT NULL,
        "requested_tiyn" bigint NOT NULL,
        "requested_at" timestamptz NOT NULL DEFAULT now(),
        "requested_by" uuid NOT NULL,
        "outcome" text,
        "outcome_at" timestamptz,
        "outcome_by" uuid,
        "written_off_tiyn" bigint,
        "outcome_note" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_loan_writeoffs" PRIMARY KEY ("id"),
        CONSTRAINT "ck_loan_writeoffs_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('written_off', 'refused')),
        CONSTRAINT "ck_loan_writeoffs_outcome_complete" CHECK (("outcome" IS NULL) = ("outcome_at" IS NULL) AND ("outcome" IS NULL) = ("outcome_by" IS NULL)),
        CONSTRAINT "ck_loan_writeoffs_requested_positive" CHECK ("requested_tiyn" > 0),
        CONSTRAINT "ck_loan_writeoffs_written_off_amount" CHECK (("outcome" = 'written_off') = ("written_off_tiyn" IS NOT NULL) AND ("written_off_tiyn" IS NULL OR ("written_off_tiyn" > 0 AND "written_off_tiyn" <= "requested_tiyn"))),
        CONSTRAINT "ck_loan_writeoffs_outcome_after_request" CHECK ("outcome_at" IS NULL OR "outcome_at" >= "requested_at"),
        CONSTRAINT "fk_loan_writeoffs_report" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_loan_writeoffs_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_loan_writeoffs_outcome_by" FOREIGN KEY ("outcome_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await q(`CREATE INDEX "ix_loan_writeoffs_report_id" ON "loan_writeoffs" ("report_id")`);
    await q(`CREATE UNIQUE INDEX "uq_loan_writeoffs_live" ON "loan_writeoffs" ("report_id")
              WHERE "outcome" IS DISTINCT FROM 'refused'`);
    await q(`CREATE INDEX "ix_loan_writeoffs_written_off_at" ON "loan_writeoffs" ("outcome_at")
              WHERE "outcome" = 'written_off'`);

    // A flag is withdrawn once; nothing else of it changes, and no row is deleted.
    await q(`
      CREATE FUNCTION "case_flags_history"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
          RAISE EXCEPTION 'case_flags is history: rows cannot be deleted' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD."withdrawn_at" IS NOT NULL
           OR (NEW."id", NEW."case_id", NEW."flag", NEW."set_at", NEW."set_by")
              IS DISTINCT FROM (OLD."id", OLD."case_id", OLD."flag", OLD."set_at", OLD."set_by") THEN
          RAISE EXCEPTION 'case_flags: a flag is only withdrawn, once' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER "tg_case_flags_history" BEFORE UPDATE OR DELETE ON "case_flags"
              FOR EACH ROW EXECUTE FUNCTION "case_flags_history"()`);
    await q(`CREATE TRIGGER "tg_case_flags_no_truncate" BEFORE TRUNCATE ON "case_flags"
              FOR EACH STATEMENT EXECUTE FUNCTION "case_flags_history"()`);

    // One outcome, recorded once, not in the future (the API's one minute of clock skew
    // allowed, DEFAULT_CLOCK_SKEW_MS); the request itself never changes.
    await q(`
      CREATE FUNCTION "outcome_recorded_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
          RAISE EXCEPTION '% is history: rows cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD."outcome" IS NOT NULL THEN
          RAISE EXCEPTION '%: the outcome is already recorded', TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        IF NEW."outcome_at" IS NOT NULL AND NEW."outcome_at" > clock_timestamp() + interval '1 minute' THEN
          RAISE EXCEPTION '%: an outcome cannot be in the future', TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'outcome' - 'outcome_at' - 'outcome_by' - 'outcome_note' - 'written_off_tiyn')
            IS DISTINCT FROM (to_jsonb(OLD) - 'outcome' - 'outcome_at' - 'outcome_by' - 'outcome_note' - 'written_off_tiyn') THEN
          RAISE EXCEPTION '%: only the outcome may be recorded', TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['takedowns', 'loan_writeoffs']) {
      await q(`CREATE TRIGGER "tg_${table}_outcome_once" BEFORE INSERT OR UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "outcome_recorded_once"()`);
      await q(`CREATE TRIGGER "tg_${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "outcome_recorded_once"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE "loan_writeoffs"`);
    await q(`DROP TABLE "takedowns"`);
    await q(`DROP FUNCTION "outcome_recorded_once"()`);
    await q(`DROP TABLE "case_flags"`);
    await q(`DROP FUNCTION "case_flags_history"()`);
  }
}
