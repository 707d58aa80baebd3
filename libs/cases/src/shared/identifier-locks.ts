import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SuspectType } from '@app/common';

export interface IdentifierKey {
  type: SuspectType;
  value: string;
}

/** A signed 64-bit advisory-lock key; collisions only serialise a little more. */
function lockKey(...parts: string[]): bigint {
  return createHash('sha256').update(parts.join('\0')).digest().readBigInt64BE(0);
}

export function identifierLockKey(id: IdentifierKey): bigint {
  return lockKey('case-identifier', id.type, id.value);
}

/** Distinct keys in ascending order: every transaction locks in the same order, so no deadlock. */
export function identifierLockKeys(ids: readonly IdentifierKey[]): bigint[] {
  const keys = [...new Set(ids.map(identifierLockKey))];
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Serialises triage runs of one report (retries, statements, racing workers) without a row
 * lock, so triage takes row locks in the same order as every other writer: case, then report.
 */
export async function lockReportTriage(manager: EntityManager, reportId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [
    lockKey('report-triage', reportId).toString(),
  ]);
}

/**
 * Transaction-scoped advisory locks on each identifier, in sorted order. Two triage runs that
 * share any identifier serialise here, so the second one sees the first one's case.
 */
export async function lockIdentifiers(
  manager: EntityManager,
  ids: readonly IdentifierKey[],
): Promise<void> {
  for (const key of identifierLockKeys(ids)) {
    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
  }
}
