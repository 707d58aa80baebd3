import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a citizen's statement carried besides its text, as they sent it, so the status page can
 * show it back: `transactions` ([{ paidAt, amountTiyn, method, fromBank, toBank, toAccount }])
 * and `suspects` ([{ type, value }]), with card numbers and phones masked exactly as
 * `report_transactions.to_account_display` and `report_identifiers.display` hold them. The
 * linking rows stay where they are; these are the citizen's record. Statements written before
 * this migration show no parts (`[]`): which payments they carried was never recorded.
 */
export class StatementParts1764300000000 implements MigrationInterface {
  name = 'StatementParts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "report_statements"
        ADD COLUMN "transactions" jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "suspects" jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT "ck_report_statements_transactions" CHECK (jsonb_typeof("transactions") = 'array'),
        ADD CONSTRAINT "ck_report_statements_suspects" CHECK (jsonb_typeof("suspects") = 'array')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "report_statements"
        DROP CONSTRAINT "ck_report_statements_suspects",
        DROP CONSTRAINT "ck_report_statements_transactions",
        DROP COLUMN "suspects",
        DROP COLUMN "transactions"`);
  }
}
