import { PgError, sqlState } from '@app/common';
import type { EntityManager } from 'typeorm';

/**
 * Rows of a raw statement, whatever its kind: TypeORM's plain `query` returns
 * `[rows, count]` for UPDATE/DELETE but rows for SELECT, so raw writes go through here.
 */
export async function queryRows<T>(
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

export async function queryOne<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  const rows = await queryRows<T>(manager, sql, params);
  return rows[0];
}

/** SQLSTATEs worth retrying the whole transaction for. */
const RETRYABLE_SQLSTATES = new Set<string>([
  PgError.serializationFailure,
  PgError.deadlockDetected,
  PgError.uniqueViolation,
]);

export function isRetryableDbError(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}
