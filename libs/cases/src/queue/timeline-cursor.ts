import { BadRequestProblem } from '@app/common';

/** Position after the last event of a timeline page, in timeline order (at, id). */
export interface TimelineCursor {
  /** `at` as Postgres text: keeps the microseconds a JS Date would drop. */
  at: string;
  /** The bigserial id of `case_events`, as decimal text. */
  id: string;
}

const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;
/** A positive bigint of at most 18 digits (below 2^63, so `::bigint` never overflows). */
const BIGSERIAL = /^[1-9]\d{0,17}$/;

/** Opaque to clients: base64url of a small JSON pair. */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** 400 naming `cursor` for anything that is not a cursor this API handed out. */
export function decodeTimelineCursor(text: string): TimelineCursor {
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
  if (typeof at !== 'string' || !PG_TIMESTAMPTZ.test(at)) throw invalid();
  if (typeof id !== 'string' || !BIGSERIAL.test(id)) throw invalid();
  return { at, id };
}
