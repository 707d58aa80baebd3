import { BadRequestProblem, isUuid, PRIORITIES } from '@app/common';
import type { Priority } from '@app/common';

/** Position after the last row of a page, in the queue order (priority, created_at, id). */
export interface QueueCursor {
  priority: Priority;
  /** `created_at` as Postgres text: keeps the microseconds a JS Date would drop. */
  createdAt: string;
  id: string;
}

const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

/** Opaque to clients: base64url of a small JSON tuple. */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.priority, cursor.createdAt, cursor.id])).toString(
    'base64url',
  );
}

export function decodeQueueCursor(text: string): QueueCursor {
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
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [priority, createdAt, id] = parsed as unknown[];
  if (
    typeof priority !== 'string' ||
    !(PRIORITIES as readonly string[]).includes(priority) ||
    typeof createdAt !== 'string' ||
    !PG_TIMESTAMPTZ.test(createdAt) ||
    !isUuid(id)
  ) {
    throw invalid();
  }
  return { priority: priority as Priority, createdAt, id };
}
