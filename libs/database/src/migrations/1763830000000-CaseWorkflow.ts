import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case numbering (`CY-YYYY-NNNNNN`) and the index behind claim-next: unassigned, non-terminal
 * cases of a region in priority-then-age order.
 */
export class CaseWorkflow1763830000000 implements MigrationInterface {
  name = 'CaseWorkflow1763830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_counters" (
        "year" integer NOT NULL,
        "last_value" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_case_counters" PRIMARY KEY ("year"),
        CONSTRAINT "ck_case_counters_last_value" CHECK ("last_value" >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_unassigned_queue" ON "cases" ("region", "priority", "created_at")
        WHERE "assignee_id" IS NULL AND "status" IN ('open', 'in_review', 'investigating')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_cases_unassigned_queue"`);
    await queryRunner.query(`DROP TABLE "case_counters"`);
  }
}
