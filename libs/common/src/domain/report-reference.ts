const REFERENCE_PATTERN = /^FR-[0-9]{4}-[0-9]{6,9}$/;

/**
 * A report reference (`FR-YYYY-NNNNNN`) in its one canonical spelling, trimmed and upper-cased,
 * or null for anything without that shape. Every place that keys on a reference (the citizen
 * guard, the per-reference rate limit) goes through it, so ` fr-2026-000001 ` is one reference.
 */
export function normalizeReference(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const reference = input.trim().toUpperCase();
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
