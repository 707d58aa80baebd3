import { DataSource } from 'typeorm';

/**
 * What a rejected request may still change, and why: the audit log records refused attempts
 * (DESIGN: every refused access is logged), and a failed sign-in counts against the account,
 * its address and the pair (docs/access.md).
 */
const MAY_CHANGE: Readonly<Record<string, readonly string[] | 'all'>> = {
  audit_log: 'all',
  login_throttles: 'all',
  users: ['failed_logins', 'locked_until', 'last_login_at', 'updated_at'],
};

/**
 * One query that reads the row count and an order-independent hash of every row of every
 * table (minus what MAY_CHANGE lists): equal fingerprints mean equal contents, up to a hash
 * collision.
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly db: DataSource,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  static async of(db: DataSource): Promise<DatabaseFingerprint> {
    const rows = (await db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )) as Array<{ table_name: string }>;
    const tables = rows.map((r) => r.table_name).filter((t) => MAY_CHANGE[t] !== 'all');
    const parts = tables.map((t) => {
      const skip = MAY_CHANGE[t];
      const row = Array.isArray(skip)
        ? `(to_jsonb(r) ${skip.map((c) => `- '${c}'`).join(' ')})::text`
        : 'r::text';
      return `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtextextended(${row}, 0)), 0)::text AS v FROM "${t}" r`;
    });
    return new DatabaseFingerprint(db, parts.join('\nUNION ALL\n'), tables);
  }

  async read(): Promise<Record<string, string>> {
    const rows = (await this.db.query(this.sql)) as Array<{ t: string; v: string }>;
    return Object.fromEntries(rows.map((r) => [r.t, r.v]));
  }

  /** Tables whose fingerprint differs between two reads. */
  static changed(a: Record<string, string>, b: Record<string, string>): string[] {
    return Object.keys(a).filter((t) => a[t] !== b[t]);
  }
}
