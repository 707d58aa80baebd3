import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key replay (docs/intake.md): the access code, encrypted, for the replay window, and
 * a keyed hash of the canonical body so a reused key with other data is told apart. Both are
 * wiped once the window has passed; the partial index keeps that sweep cheap.
 */
export class IdempotencyReplay1763810000100 implements MigrationInterface {
  name = 'IdempotencyReplay1763810000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "reports"
        ADD COLUMN "replay_access_code_enc" text,
        ADD COLUMN "idempotency_body_hash" text,
        ADD CONSTRAINT "ck_reports_idempotency_replay" CHECK (
          "idempotency_key" IS NOT NULL
          OR ("replay_access_code_enc" IS NULL AND "idempotency_body_hash" IS NULL))`);
    await queryRunner.query(`
      CREATE INDEX "ix_reports_replay_code_pending" ON "reports" ("submitted_at")
        WHERE "replay_access_code_enc" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_reports_replay_code_pending"`);
    await queryRunner.query(`
      ALTER TABLE "reports"
        DROP CONSTRAINT "ck_reports_idempotency_replay",
        DROP COLUMN "idempotency_body_hash",
        DROP COLUMN "replay_access_code_enc"`);
  }
}
