import { sqlState } from './pg-errors';

/** The peers a request may need; either being unreachable is a `503`, never a `500`. */
export type Dependency = 'postgres' | 'redis';
export const DEPENDENCIES: readonly Dependency[] = ['postgres', 'redis'];

/** What an outage `503` tells clients to wait before retrying, in seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
/** A request that collided with another (deadlock, serialization failure) may retry sooner. */
export const COLLISION_RETRY_AFTER_SECONDS = 1;

/** Told by the error filter that a request failed because a dependency is unreachable. */
export interface OutageReporter {
  reportDown(dependency: Dependency, error: unknown): void;
}

// SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many
// connections: the server is there but will not (or no longer) serve this connection.
const PG_OUTAGE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** `query_canceled`: our statement_timeout fired (or an operator cancelled the query). */
export const PG_STATEMENT_TIMEOUT = '57014';

// Socket failures below either driver. The Redis client fails fast with its own messages
// (offline queue disabled, below), so a bare socket error in a request comes from pg.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// Messages of pg, pg-pool and TypeORM when the connection is gone or cannot be had.
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
  /^Query read timeout/,
];

// ioredis: a command on a closed connection, retries exhausted, or the offline queue disabled.
const REDIS_MESSAGES = [
  /^Connection is closed\.?$/,
  /^Stream isn't writeable/,
  /^Reached the max retries per request limit/,
  /enableOfflineQueue/,
];

function field(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

/**
 * Which dependency an error says is unreachable, or null when the error is something else.
 * Reads TypeORM's wrapper (`driverError`) and the bare driver errors alike.
 */
export function dependencyOutage(error: unknown): Dependency | null {
  if (typeof error !== 'object' || error === null) return null;
  const state = sqlState(error);
  if (state !== undefined) {
    return state.startsWith('08') || PG_OUTAGE_STATES.has(state) ? 'postgres' : null;
  }
  const driver = field(error, 'driverError');
  if (typeof driver === 'object' && driver !== null) return dependencyOutage(driver);
  const name = field(error, 'name');
  const message = field(error, 'message');
  const text = typeof message === 'string' ? message : '';
  if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((re) => re.test(text))) {
    return 'redis';
  }
  // TypeORM releases a query runner whose connection emitted an error (the server went away
  // mid-transaction); the next query or the COMMIT then throws this instead of a pg error.
  if (name === 'QueryRunnerAlreadyReleasedError') return 'postgres';
  const code = field(error, 'code');
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return 'postgres';
  if (PG_MESSAGES.some((re) => re.test(text))) return 'postgres';
  // AggregateError (a host with several addresses): every attempt failed the same way.
  const errors = field(error, 'errors');
  if (Array.isArray(errors) && errors.length > 0) return dependencyOutage(errors[0]);
  return null;
}

/** A short, data-free reason for the outage log line: the error's code or its first words. */
export function outageReason(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error).slice(0, 80);
  const code = sqlState(error) ?? field(error, 'code');
  const message = field(error, 'message');
  const text = typeof message === 'string' ? message.split('\n')[0].slice(0, 120) : '';
  return [typeof code === 'string' ? code : undefined, text].filter(Boolean).join(' ') || 'error';
}
