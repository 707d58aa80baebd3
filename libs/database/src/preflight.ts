import { Client } from 'pg';

/** Hides the password of a connection URL so it can be printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** Connects once; returns a one-line, actionable error message, or null when reachable. */
export async function checkPostgres(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return (
      `PostgreSQL is not reachable at DATABASE_URL=${redactUrl(url)} ` +
      `(${e.code ?? 'error'}: ${e.message ?? String(err)}). ` +
      'Fix DATABASE_URL, or unset it to use the embedded PostgreSQL of `npm start`.'
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
