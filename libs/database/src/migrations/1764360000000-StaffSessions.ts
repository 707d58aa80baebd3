import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cookie sessions of the staff console (docs/access.md, "Console sessions"). Only SHA-256
 * digests of the session id and of the CSRF token are stored: a copy of the table signs nobody
 * in. `previous_token_hash` is the id a refresh rotated out; presenting it again revokes the
 * session. `token_version` is the user's at issue: an admin password reset or a deactivation
 * (which bump `users.token_version`) ends every session of the account as well.
 */
export class StaffSessions1764360000000 implements MigrationInterface {
  name = 'StaffSessions1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "staff_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "previous_token_hash" text,
        "csrf_hash" text NOT NULL,
        "token_version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "refreshed_at" timestamptz NOT NULL DEFAULT now(),
        "idle_expires_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "revoked_reason" text,
        CONSTRAINT "pk_staff_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_staff_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "uq_staff_sessions_previous_token_hash" UNIQUE ("previous_token_hash"),
        CONSTRAINT "fk_staff_sessions_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_staff_sessions_revoked_reason" CHECK ("revoked_reason" IN ('sign-out', 'replay', 'password-changed')),
        CONSTRAINT "ck_staff_sessions_expiry" CHECK ("idle_expires_at" <= "expires_at")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_staff_sessions_user_id" ON "staff_sessions" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_sessions_expires_at" ON "staff_sessions" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff_sessions"`);
  }
}
