import { DataSource } from 'typeorm';
import { luhnValid } from '@app/common';

interface Column {
  table_name: string;
  column_name: string;
}

/**
 * Searches every text, varchar, array and json column of every table for each needle, as the
 * database stores it. Returns `table.column: name` for each hit; an empty list means clean.
 */
export async function findInDatabase(
  db: DataSource,
  needles: Record<string, string>,
): Promise<string[]> {
  const columns = (await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public'
        AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      ORDER BY table_name, column_name`,
  )) as Column[];
  // A scan that found no columns would pass vacuously.
  expect(columns.length).toBeGreaterThan(10);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const [name, value] of Object.entries(needles)) {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [value],
      )) as Array<{ n: number }>;
      if (n > 0) hits.push(`${table}.${column}: ${name}`);
    }
  }
  return hits;
}

/** A Luhn-valid 16-digit card number with the given 15-digit prefix. */
export function cardNumber(prefix15: string): string {
  for (let check = 0; check <= 9; check += 1) {
    if (luhnValid(`${prefix15}${check}`)) return `${prefix15}${check}`;
  }
  throw new Error('unreachable');
}
