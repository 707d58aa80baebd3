/** A UUID in its canonical text form (any version), without anchors: for composed patterns. */
export const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const UUID_RE = new RegExp(`^${UUID_PATTERN}$`, 'i');

/** True for a UUID string: check ids from paths and cursors before they reach a `uuid` column. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
