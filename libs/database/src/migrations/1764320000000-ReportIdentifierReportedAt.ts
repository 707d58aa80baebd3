import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each identifier was reported (`reported_at`: the report's submission, or the time of the
 * statement that added it), and the index the public lookup reads: `(type, value, reported_at)`
 * answers "how many reports name it, up to 10, and when last" from at most ten index entries,
 * however many thousand reports name a pyramid's number. It replaces `(type, value)`, of which
 * it is a prefix. Existing rows take their report's `submitted_at`.
 */
export class ReportIdentifierReportedAt1764320000000 implements MigrationInterface {
  name = 'ReportIdentifierReportedAt1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_identifiers" ADD "reported_at" timestamptz`);
    await queryRunner.query(`
      UPDATE "report_identifiers" ri SET "reported_at" = r."submitted_at"
        FROM "reports" r WHERE r."id" = ri."report_id"`);
    await queryRunner.query(`
      ALTER TABLE "report_identifiers"
        ALTER COLUMN "reported_at" SET DEFAULT now(),
        ALTER COLUMN "reported_at" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_report_identifiers_type_value_reported_at"
         ON "report_identifiers" ("type", "value", "reported_at")`,
    );
    await queryRunner.query(`DROP INDEX "ix_report_identifiers_type_value"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_report_identifiers_type_value" ON "report_identifiers" ("type", "value")`,
    );
    await queryRunner.query(`DROP INDEX "ix_report_identifiers_type_value_reported_at"`);
    await queryRunner.query(`ALTER TABLE "report_identifiers" DROP COLUMN "reported_at"`);
  }
}
