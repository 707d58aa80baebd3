import type { EntityManager } from 'typeorm';

/**
 * Rows of any raw statement. TypeORM's `query` returns `[rows, count]` for UPDATE/DELETE but
 * plain rows otherwise; the structured result is the same for every kind.
 */
export async function rows<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const own = manager.queryRunner === undefined;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return result.records as T[];
  } finally {
    if (own) await runner.release();
  }
}

export async function firstRow<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  return (await rows<T>(manager, sql, params))[0];
}
