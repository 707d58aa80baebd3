import { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only history tables and the one column each may still change (none for audit_log). */
const HISTORY_TABLES: ReadonlyArray<{ table: string; mutable: string[] }> = [
  // A merge moves the source's events to the target case; nothing else about an event changes.
  { table: 'case_events', mutable: ['case_id'] },
  { table: 'audit_log', mutable: [] },
];

/**
 * The case timeline and the audit log are append-only in the database, not only by convention
 * (as the funds ledger is, see FundsLedger): DELETE and TRUNCATE fail, and an UPDATE fails
 * unless it changes only the columns named as trigger arguments.
 */
export class AppendOnlyHistory1763830000100 implements MigrationInterface {
  name = 'AppendOnlyHistory1763830000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
          RAISE EXCEPTION '% is append-only: rows cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
        END IF;
        -- TG_ARGV: the columns an UPDATE may change (COALESCE: no arguments may read as NULL).
        IF (to_jsonb(NEW) - COALESCE(TG_ARGV, '{}'::text[]))
           IS DISTINCT FROM (to_jsonb(OLD) - COALESCE(TG_ARGV, '{}'::text[])) THEN
          IF TG_NARGS = 0 THEN
            RAISE EXCEPTION '% is append-only: rows cannot be changed', TG_TABLE_NAME
              USING ERRCODE = 'restrict_violation';
          END IF;
          RAISE EXCEPTION '% is append-only: only % may change', TG_TABLE_NAME,
            array_to_string(TG_ARGV, ', ') USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const { table, mutable } of HISTORY_TABLES) {
      const args = mutable.map((column) => `'${column}'`).join(', ');
      await queryRunner.query(`
        CREATE TRIGGER "tg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION "history_append_only"(${args})`);
      await queryRunner.query(`
        CREATE TRIGGER "tg_${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
          FOR EACH STATEMENT EXECUTE FUNCTION "history_append_only"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...HISTORY_TABLES].reverse()) {
      await queryRunner.query(`DROP TRIGGER "tg_${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tg_${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "history_append_only"()`);
  }
}
