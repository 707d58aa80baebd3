import { BadRequestProblem } from '../errors';
import { isUuid } from '../validation/uuid';

/** Position after the last row of a page ordered by (a timestamp, id). */
export interface KeysetCursor {
  /** The timestamp as Postgres text: keeps the microseconds a JS Date would drop. */
  at: string;
  id: string;
}

const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

/** Opaque to clients: base64url of a small JSON pair. */
export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** 400 naming `cursor` for anything that is not a cursor this API handed out. */
export function decodeKeysetCursor(text: string): KeysetCursor {
  const invalid = () =>
    new BadRequestProblem('cursor is not valid', [
      { field: 'cursor', message: 'pass the nextCursor of a previous page unchanged' },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !PG_TIMESTAMPTZ.test(at) || !isUuid(id)) throw invalid();
  return { at, id };
}
