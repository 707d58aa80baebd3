import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SuspectType } from '@app/common';

export interface IdentifierKey {
  type: SuspectType;
  value: string;
}

/** One string per (type, value): the key of an identifier in a Map or Set. */
export const identifierMapKey = (id: IdentifierKey): string => `${id.type}\u0000${id.value}`;

/** A signed 64-bit advisory-lock key; collisions only serialise a little more. */
function lockKey(...parts: string[]): bigint {
  return createHash('sha256').update(parts.join('\0')).digest().readBigInt64BE(0);
}

export function identifierLockKey(id: IdentifierKey): bigint {
  return lockKey('case-identifier', id.type, id.value);
}

/** Distinct keys in ascending order: every transaction locks in the same order, so no deadlock. */
export function identifierLockKeys(ids: readonly IdentifierKey[]): bigint[] {
  return sortedKeys(ids.map(identifierLockKey));
}

function sortedKeys(keys: readonly bigint[]): bigint[] {
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Takes transaction-scoped advisory locks on `keys` in the given order, in one round trip (a
 * function scan over the array yields its elements in order, one lock call each).
 */
async function lockInOrder(manager: EntityManager, keys: readonly bigint[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query('SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k', [
    keys.map(String),
  ]);
}

/**
 * Serialises triage runs of one report (retries, statements, racing workers) without a row
 * lock, so triage takes row locks in the same order as every other writer: case, then report.
 */
export async function lockReportTriage(manager: EntityManager, reportId: string): Promise<void> {
  await lockReportsTriage(manager, [reportId]);
}

/**
 * The report locks of a triage batch, in ascending key order. Every run locks its reports
 * first and their identifiers second, each level sorted, so batches and single runs of any
 * overlap cannot deadlock on these locks.
 */
export async function lockReportsTriage(
  manager: EntityManager,
  reportIds: readonly string[],
): Promise<void> {
  await lockInOrder(manager, sortedKeys(reportIds.map((id) => lockKey('report-triage', id))));
}

/**
 * Transaction-scoped advisory locks on each identifier, in sorted order. Two triage runs that
 * share any identifier serialise here, so the second one sees the first one's case.
 */
export async function lockIdentifiers(
  manager: EntityManager,
  ids: readonly IdentifierKey[],
): Promise<void> {
  await lockInOrder(manager, identifierLockKeys(ids));
}
