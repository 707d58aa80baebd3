/** The SQLSTATEs the service acts on (PostgreSQL appendix A). */
export const PgError = {
  uniqueViolation: '23505',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

interface PgErrorShape {
  code?: unknown;
  constraint?: unknown;
  driverError?: { code?: unknown; constraint?: unknown };
}

/**
 * The SQLSTATE of a database error, whether TypeORM wrapped it (`QueryFailedError`, code in
 * `driverError`) or pg threw it directly; undefined for anything else. THE one place codes
 * are read from errors.
 */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as PgErrorShape;
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== PgError.uniqueViolation) return false;
  if (constraint === undefined) return true;
  const e = error as PgErrorShape;
  return (e.driverError?.constraint ?? e.constraint) === constraint;
}
