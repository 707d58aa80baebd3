import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizen notices (docs/notices.md): the reporter's choice of channel on the report, and one
 * `citizen_notices` row per (case event, report, channel). The row is the outbox (written in the
 * transaction of the change, `relayed_at` once the job is in Redis) and the delivery record
 * (`status`): a worker claims it (`sending`) in a committed transaction before it sends, so a
 * notice is sent at most once. It holds no contact data: the worker reads the report at send time.
 */
export class CitizenNotices1764310000000 implements MigrationInterface {
  name = 'CitizenNotices1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reports" ADD "notify" text NOT NULL DEFAULT 'none'`);
    // Reports filed before the choice existed get the contract's default.
    await queryRunner.query(
      `UPDATE "reports" SET "notify" = 'email' WHERE "reporter_email_enc" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "ck_reports_notify"
         CHECK ("notify" IN ('email', 'sms', 'both', 'none'))`,
    );
    await queryRunner.query(`
      CREATE TABLE "citizen_notices" (
        "id" bigserial NOT NULL,
        "key" text NOT NULL,
        "case_event_id" bigint NOT NULL,
        "report_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "channel" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "relayed_at" timestamptz,
        "relay_attempts" integer NOT NULL DEFAULT 0,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "claimed_at" timestamptz,
        "sent_at" timestamptz,
        CONSTRAINT "pk_citizen_notices" PRIMARY KEY ("id"),
        CONSTRAINT "uq_citizen_notices_key" UNIQUE ("key"),
        CONSTRAINT "fk_citizen_notices_report" FOREIGN KEY ("report_id")
          REFERENCES "reports" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_citizen_notices_kind"
          CHECK ("kind" IN ('in_review', 'solved', 'closed', 'referred', 'funds_frozen', 'reimbursed')),
        CONSTRAINT "ck_citizen_notices_channel" CHECK ("channel" IN ('email', 'sms')),
        CONSTRAINT "ck_citizen_notices_status"
          CHECK ("status" IN ('pending', 'sending', 'sent', 'failed')),
        CONSTRAINT "ck_citizen_notices_attempts" CHECK ("attempts" >= 0 AND "relay_attempts" >= 0)
      )`);
    // The relay scans only unrelayed rows; the admin list only undelivered ones.
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notices_unrelayed" ON "citizen_notices" ("id") WHERE "relayed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notices_undelivered" ON "citizen_notices" ("created_at")
         WHERE "status" IN ('sending', 'failed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notices_report_id" ON "citizen_notices" ("report_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "citizen_notices"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "ck_reports_notify"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP COLUMN "notify"`);
  }
}
