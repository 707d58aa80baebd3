import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset indexes for the paged case reads (docs/SCALING.md, BENCHMARKS.md): the reports of a
 * case by (submitted_at, id) and its timeline by (at, id). Each replaces the index that led with
 * the same column (case_id alone; case_id, at), which it serves as well (foreign-key look-ups,
 * the case's report count and loss). With the old ones a deep page filtered every earlier row of
 * the case; with these it is one index range scan of `limit + 1` entries.
 *
 * And the queue order (priority, created_at, id) of `GET /cases`, per region and national:
 * ix_cases_queue (region, status, priority, created_at) gives it only for a single status, so a
 * region's queue over several statuses (or none) sorted every case of the region.
 */
export class PagedCaseReads1764350000000 implements MigrationInterface {
  name = 'PagedCaseReads1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_reports_case_id_submitted_at" ON "reports" ("case_id", "submitted_at", "id")`,
    );
    // ix_reports_case_id itself went in ReportsCasePriorityIndex1764340000000, just before.
    await queryRunner.query(
      `CREATE INDEX "ix_case_events_case_at_id" ON "case_events" ("case_id", "at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "ix_case_events_case_id_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_region_queue_order" ON "cases" ("region", "priority", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_queue_order" ON "cases" ("priority", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_cases_queue_order"`);
    await queryRunner.query(`DROP INDEX "ix_cases_region_queue_order"`);
    await queryRunner.query(
      `CREATE INDEX "ix_case_events_case_id_at" ON "case_events" ("case_id", "at")`,
    );
    await queryRunner.query(`DROP INDEX "ix_case_events_case_at_id"`);
    await queryRunner.query(`DROP INDEX "ix_reports_case_id_submitted_at"`);
  }
}
