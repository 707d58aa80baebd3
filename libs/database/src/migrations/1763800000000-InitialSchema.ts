import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity, audit, reports and cases. Funds come in their own migration. Every name is explicit
 * and mirrored in the entities, so `createSchemaBuilder().log()` stays empty after migrating.
 *
 * Immutable history: the CHECK vocabularies are spelled out as they were when this migration
 * shipped, not read from `@app/common`, so a later change to a list cannot alter what a fresh
 * database gets here. Change a vocabulary with a new migration.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // identity -------------------------------------------------------------------------------
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "password_hash" text NOT NULL,
        "full_name" text NOT NULL,
        "role" text NOT NULL,
        "region" text,
        "active" boolean NOT NULL DEFAULT true,
        "token_version" integer NOT NULL DEFAULT 0,
        "failed_logins" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "uq_users_email" UNIQUE ("email"),
        CONSTRAINT "ck_users_email_lower" CHECK ("email" = lower("email")),
        CONSTRAINT "ck_users_role" CHECK ("role" IN ('investigator', 'supervisor', 'admin')),
        CONSTRAINT "ck_users_region" CHECK ("region" IN ('astana', 'almaty_city', 'shymkent', 'abai', 'akmola', 'aktobe', 'almaty_region', 'atyrau', 'east_kazakhstan', 'jambyl', 'jetisu', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north_kazakhstan', 'pavlodar', 'turkistan', 'ulytau', 'west_kazakhstan')),
        CONSTRAINT "ck_users_investigator_region"
          CHECK ("role" <> 'investigator' OR "region" IS NOT NULL),
        CONSTRAINT "ck_users_failed_logins" CHECK ("failed_logins" >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" bigserial NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_role" text,
        "action" text NOT NULL,
        "route" text,
        "target_type" text,
        "target_id" text,
        "ip" text,
        "detail" jsonb,
        CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_actor_id_at" ON "audit_log" ("actor_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_action_at" ON "audit_log" ("action", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_target" ON "audit_log" ("target_type", "target_id")`,
    );

    // cases ----------------------------------------------------------------------------------
    await queryRunner.query(`
      CREATE TABLE "cases" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "number" text NOT NULL,
        "region" text NOT NULL,
        "fraud_type" text NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "priority" text NOT NULL,
        "assignee_id" uuid,
        "first_claimed_at" timestamptz,
        "sla_due_at" timestamptz NOT NULL,
        "sla_breached_at" timestamptz,
        "close_reason" text,
        "agency" text,
        "solved_at" timestamptz,
        "merged_into_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_cases" PRIMARY KEY ("id"),
        CONSTRAINT "uq_cases_number" UNIQUE ("number"),
        CONSTRAINT "ck_cases_number" CHECK ("number" ~ '^CY-[0-9]{4}-[0-9]{6,}$'),
        CONSTRAINT "ck_cases_region" CHECK ("region" IN ('astana', 'almaty_city', 'shymkent', 'abai', 'akmola', 'aktobe', 'almaty_region', 'atyrau', 'east_kazakhstan', 'jambyl', 'jetisu', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north_kazakhstan', 'pavlodar', 'turkistan', 'ulytau', 'west_kazakhstan')),
        CONSTRAINT "ck_cases_fraud_type" CHECK ("fraud_type" IN ('online_purchase', 'phishing', 'investment_scam', 'fake_loan', 'impersonation', 'romance', 'job_offer', 'rental', 'prize_lottery', 'other')),
        CONSTRAINT "ck_cases_status" CHECK ("status" IN ('open', 'in_review', 'investigating', 'solved', 'closed', 'referred')),
        CONSTRAINT "ck_cases_priority" CHECK ("priority" IN ('P1', 'P2', 'P3', 'P4')),
        CONSTRAINT "ck_cases_close_reason" CHECK ("close_reason" IN ('unfounded', 'duplicate', 'no_crime', 'other')),
        CONSTRAINT "ck_cases_closed_needs_reason"
          CHECK ("status" <> 'closed' OR "close_reason" IS NOT NULL),
        CONSTRAINT "ck_cases_referred_needs_agency"
          CHECK ("status" <> 'referred' OR "agency" IS NOT NULL),
        CONSTRAINT "ck_cases_not_merged_into_self" CHECK ("merged_into_id" <> "id"),
        CONSTRAINT "fk_cases_assignee" FOREIGN KEY ("assignee_id")
          REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_cases_merged_into" FOREIGN KEY ("merged_into_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_queue" ON "cases" ("region", "status", "priority", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_assignee_id" ON "cases" ("assignee_id")`);
    await queryRunner.query(`CREATE INDEX "ix_cases_created_at" ON "cases" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_cases_solved_at" ON "cases" ("solved_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_sla_pending" ON "cases" ("sla_due_at")
        WHERE "first_claimed_at" IS NULL AND "sla_breached_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_merged_into_id" ON "cases" ("merged_into_id")`);

    await queryRunner.query(`
      CREATE TABLE "case_identifiers" (
        "type" text NOT NULL,
        "value" text NOT NULL,
        "case_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_case_identifiers" PRIMARY KEY ("type", "value"),
        CONSTRAINT "ck_case_identifiers_type" CHECK ("type" IN ('phone', 'card', 'iban', 'url', 'messenger', 'email', 'crypto_wallet', 'social_profile')),
        CONSTRAINT "fk_case_identifiers_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_identifiers_case_id" ON "case_identifiers" ("case_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "case_events" (
        "id" bigserial NOT NULL,
        "case_id" uuid NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_kind" text NOT NULL,
        "type" text NOT NULL,
        "public" boolean NOT NULL DEFAULT false,
        "data" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_case_events" PRIMARY KEY ("id"),
        CONSTRAINT "ck_case_events_actor_kind" CHECK ("actor_kind" IN ('staff', 'system', 'citizen')),
        CONSTRAINT "ck_case_events_staff_actor"
          CHECK ("actor_kind" <> 'staff' OR "actor_id" IS NOT NULL),
        CONSTRAINT "fk_case_events_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_case_events_actor" FOREIGN KEY ("actor_id")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_events_case_id_at" ON "case_events" ("case_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_events_type_at" ON "case_events" ("type", "at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "offender_records" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "count" integer NOT NULL,
        "detained_at" timestamptz NOT NULL,
        "note" text,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_offender_records" PRIMARY KEY ("id"),
        CONSTRAINT "ck_offender_records_count" CHECK ("count" > 0),
        CONSTRAINT "fk_offender_records_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_offender_records_created_by" FOREIGN KEY ("created_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_offender_records_case_id" ON "offender_records" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_offender_records_detained_at" ON "offender_records" ("detained_at")`,
    );

    // reports --------------------------------------------------------------------------------
    await queryRunner.query(`
      CREATE TABLE "reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reference" text NOT NULL,
        "access_code_hash" text NOT NULL,
        "status" text NOT NULL DEFAULT 'received',
        "submitted_at" timestamptz NOT NULL DEFAULT now(),
        "idempotency_key" text,
        "reporter_full_name" text NOT NULL,
        "reporter_iin_enc" text,
        "reporter_iin_bidx" text,
        "reporter_phone_enc" text NOT NULL,
        "reporter_phone_bidx" text NOT NULL,
        "reporter_email_enc" text,
        "region" text NOT NULL,
        "language" text NOT NULL DEFAULT 'ru',
        "age_group" text NOT NULL DEFAULT 'adult',
        "fraud_type" text NOT NULL,
        "channel" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "description" text NOT NULL,
        "loss_tiyn" bigint NOT NULL DEFAULT 0,
        "loan" jsonb,
        "case_id" uuid,
        "priority" text,
        "triaged_at" timestamptz,
        "reimbursed_tiyn" bigint NOT NULL DEFAULT 0,
        "frozen_tiyn" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "pk_reports" PRIMARY KEY ("id"),
        CONSTRAINT "uq_reports_reference" UNIQUE ("reference"),
        CONSTRAINT "uq_reports_idempotency_key" UNIQUE ("idempotency_key"),
        CONSTRAINT "ck_reports_reference" CHECK ("reference" ~ '^FR-[0-9]{4}-[0-9]{6,}$'),
        CONSTRAINT "ck_reports_status" CHECK ("status" IN ('received', 'in_review', 'investigating', 'solved', 'closed', 'referred')),
        CONSTRAINT "ck_reports_region" CHECK ("region" IN ('astana', 'almaty_city', 'shymkent', 'abai', 'akmola', 'aktobe', 'almaty_region', 'atyrau', 'east_kazakhstan', 'jambyl', 'jetisu', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north_kazakhstan', 'pavlodar', 'turkistan', 'ulytau', 'west_kazakhstan')),
        CONSTRAINT "ck_reports_language" CHECK ("language" IN ('kk', 'ru', 'en')),
        CONSTRAINT "ck_reports_age_group" CHECK ("age_group" IN ('minor', 'adult', 'senior')),
        CONSTRAINT "ck_reports_fraud_type" CHECK ("fraud_type" IN ('online_purchase', 'phishing', 'investment_scam', 'fake_loan', 'impersonation', 'romance', 'job_offer', 'rental', 'prize_lottery', 'other')),
        CONSTRAINT "ck_reports_channel" CHECK ("channel" IN ('phone_call', 'sms', 'messenger', 'social_media', 'website', 'marketplace', 'email', 'other')),
        CONSTRAINT "ck_reports_priority" CHECK ("priority" IN ('P1', 'P2', 'P3', 'P4')),
        CONSTRAINT "ck_reports_loan" CHECK ("loan" IS NULL OR "fraud_type" = 'fake_loan'),
        CONSTRAINT "ck_reports_loss_tiyn" CHECK ("loss_tiyn" >= 0),
        CONSTRAINT "ck_reports_reimbursed_tiyn"
          CHECK ("reimbursed_tiyn" >= 0 AND "reimbursed_tiyn" <= "loss_tiyn"),
        CONSTRAINT "ck_reports_frozen_tiyn" CHECK ("frozen_tiyn" >= 0),
        CONSTRAINT "fk_reports_case" FOREIGN KEY ("case_id")
          REFERENCES "cases" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_reports_submitted_at" ON "reports" ("submitted_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_reports_region_submitted_at" ON "reports" ("region", "submitted_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reports_fraud_type_submitted_at" ON "reports" ("fraud_type", "submitted_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reports_case_id" ON "reports" ("case_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_reports_reporter_phone_bidx" ON "reports" ("reporter_phone_bidx")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reports_reporter_iin_bidx" ON "reports" ("reporter_iin_bidx")`,
    );

    await queryRunner.query(`
      CREATE TABLE "report_transactions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "paid_at" timestamptz NOT NULL,
        "amount_tiyn" bigint NOT NULL,
        "method" text NOT NULL,
        "from_bank" text,
        "to_bank" text,
        "to_account_type" text,
        "to_account_value" text,
        "to_account_display" text,
        CONSTRAINT "pk_report_transactions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_report_transactions_report_id_position" UNIQUE ("report_id", "position"),
        CONSTRAINT "ck_report_transactions_position" CHECK ("position" >= 0),
        CONSTRAINT "ck_report_transactions_amount_tiyn" CHECK ("amount_tiyn" > 0),
        CONSTRAINT "ck_report_transactions_method" CHECK ("method" IN ('bank_transfer', 'card', 'mobile_transfer', 'crypto', 'cash', 'other')),
        CONSTRAINT "ck_report_transactions_to_account_type"
          CHECK ("to_account_type" IN ('iban', 'card', 'phone')),
        CONSTRAINT "ck_report_transactions_to_account"
          CHECK (("to_account_type" IS NULL) = ("to_account_value" IS NULL)),
        CONSTRAINT "fk_report_transactions_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "report_identifiers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "type" text NOT NULL,
        "value" text NOT NULL,
        "display" text NOT NULL,
        "source" text NOT NULL,
        CONSTRAINT "pk_report_identifiers" PRIMARY KEY ("id"),
        CONSTRAINT "uq_report_identifiers_report_id_type_value"
          UNIQUE ("report_id", "type", "value"),
        CONSTRAINT "ck_report_identifiers_type" CHECK ("type" IN ('phone', 'card', 'iban', 'url', 'messenger', 'email', 'crypto_wallet', 'social_profile')),
        CONSTRAINT "ck_report_identifiers_source" CHECK ("source" IN ('suspect', 'transaction')),
        CONSTRAINT "fk_report_identifiers_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_report_identifiers_type_value" ON "report_identifiers" ("type", "value")`,
    );

    await queryRunner.query(`
      CREATE TABLE "report_statements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "text" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_report_statements" PRIMARY KEY ("id"),
        CONSTRAINT "fk_report_statements_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_report_statements_report_id" ON "report_statements" ("report_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "evidence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "original_name" text NOT NULL,
        "mime_type" text NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" text NOT NULL,
        "storage_path" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_evidence" PRIMARY KEY ("id"),
        CONSTRAINT "ck_evidence_size_bytes" CHECK ("size_bytes" >= 0),
        CONSTRAINT "ck_evidence_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "fk_evidence_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_report_id" ON "evidence" ("report_id")`);

    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" bigserial NOT NULL,
        "topic" text NOT NULL,
        "aggregate_id" text NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "relayed_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "pk_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "ck_outbox_attempts" CHECK ("attempts" >= 0)
      )`);
    // Only unrelayed rows are ever scanned; the index stays small however long the table grows.
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unrelayed" ON "outbox" ("created_at") WHERE "relayed_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "reference_counters" (
        "year" integer NOT NULL,
        "last_value" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_reference_counters" PRIMARY KEY ("year"),
        CONSTRAINT "ck_reference_counters_last_value" CHECK ("last_value" >= 0)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Reverse order of creation; indexes and constraints go with their tables.
    await queryRunner.query(`DROP TABLE "reference_counters"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "report_statements"`);
    await queryRunner.query(`DROP TABLE "report_identifiers"`);
    await queryRunner.query(`DROP TABLE "report_transactions"`);
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP TABLE "offender_records"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP TABLE "case_identifiers"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
