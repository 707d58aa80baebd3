import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictProblem, DomainException } from '@app/common';
import { queryRows } from '@app/database';

/** `422`: the key already filed a report, with other data (docs/intake.md, "Idempotency-Key"). */
export class IdempotencyKeyReusedProblem extends DomainException {
  constructor() {
    super(
      'idempotency-key-reused',
      HttpStatus.UNPROCESSABLE_ENTITY,
      'Unprocessable Content',
      'This Idempotency-Key was already used to file a report with different data. A retry ' +
        'must repeat the first request exactly; to file a new or corrected report, send it ' +
        'with a new Idempotency-Key.',
    );
  }
}

/** `409`: the key filed a report, but too long ago for the access code to be given again. */
export class IdempotencyKeyExpiredProblem extends ConflictProblem {
  constructor(replayWindowHours: number) {
    super(
      'idempotency-key-expired',
      `This Idempotency-Key filed a report more than ${replayWindowHours} hours ago. Within ` +
        `that window a retry gets the first answer back, access code included; after it the ` +
        'access code is no longer kept, so the report cannot be confirmed again through this ' +
        'key. Nothing was filed now. If you still hold the reference and access code, use ' +
        'them; otherwise contact the police unit and quote your details. To file a new ' +
        'report, send it with a new Idempotency-Key.',
      { replayWindowHours },
    );
  }
}

/**
 * A stable serialisation of a validated request body: object keys sorted, `undefined` members
 * left out, arrays in order. Two bodies with the same data give the same string, whatever the
 * order of their keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
  return `{${entries.join(',')}}`;
}

/**
 * Wipes the encrypted access code and body hash of every report whose replay window has
 * passed (one statement on a partial index); returns how many were wiped. Run by the minutely
 * triage sweep in the worker; a replay after the window also wipes its own row at once.
 */
export async function wipeExpiredReplayCodes(
  manager: EntityManager,
  replayWindowHours: number,
): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `UPDATE reports SET replay_access_code_enc = NULL, idempotency_body_hash = NULL
      WHERE replay_access_code_enc IS NOT NULL
        AND submitted_at <= now() - make_interval(hours => $1)
      RETURNING id`,
    [replayWindowHours],
  );
  return rows.length;
}
