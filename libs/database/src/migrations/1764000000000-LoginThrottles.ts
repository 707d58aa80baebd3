import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failure counters that are not an account's own (`users.failed_logins` stays the
 * account-wide one): per (account, client IP) pair and per client IP. Kept in PostgreSQL so an
 * attempt is reserved under a row lock before its password is checked. Keys are SHA-256 digests:
 * the table holds no email or IP address.
 */
export class LoginThrottles1764000000000 implements MigrationInterface {
  name = 'LoginThrottles1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "login_throttles" (
        "scope" text NOT NULL,
        "key" text NOT NULL,
        "user_id" uuid,
        "failures" integer NOT NULL DEFAULT 0,
        "window_ends_at" timestamptz NOT NULL,
        "locked_until" timestamptz,
        CONSTRAINT "pk_login_throttles" PRIMARY KEY ("scope", "key"),
        CONSTRAINT "ck_login_throttles_scope" CHECK ("scope" IN ('pair', 'ip')),
        CONSTRAINT "ck_login_throttles_failures" CHECK ("failures" >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_login_throttles_user_id" ON "login_throttles" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_throttles_window_ends_at" ON "login_throttles" ("window_ends_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttles"`);
  }
}
