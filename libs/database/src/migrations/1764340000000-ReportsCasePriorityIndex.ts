import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage recomputes a case's priority after every report it links. Counting every report of
 * the case made a pyramid of N reports cost N² row reads; with (case_id, priority) the most
 * urgent report and "at least three reports" are each a few index entries. The new index
 * starts with case_id, so it replaces ix_reports_case_id for every other lookup by case.
 */
export class ReportsCasePriorityIndex1764340000000 implements MigrationInterface {
  name = 'ReportsCasePriorityIndex1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_reports_case_id_priority" ON "reports" ("case_id", "priority")`,
    );
    await queryRunner.query(`DROP INDEX "ix_reports_case_id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_reports_case_id" ON "reports" ("case_id")`);
    await queryRunner.query(`DROP INDEX "ix_reports_case_id_priority"`);
  }
}
