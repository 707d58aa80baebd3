import type { EntityManager } from 'typeorm';
import type { ActorKind } from '@app/common';

/**
 * Timeline entry types. Only `case.transitioned` is public (the citizen's timeline); every
 * other entry, notes above all, stays internal.
 */
export const CASE_EVENT_TYPES = [
  'case.created',
  'report.linked',
  'identifiers.added',
  'case.reprioritised',
  'case.merge_suggested',
  'case.claimed',
  'case.assigned',
  'case.transitioned',
  'note.added',
  'offenders.recorded',
  'case.merged',
  'sla.breached',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const PUBLIC_CASE_EVENT_TYPES: readonly CaseEventType[] = ['case.transitioned'];

export interface CaseActor {
  kind: ActorKind;
  /** Staff user id; null for the system. */
  id: string | null;
}

export const SYSTEM_ACTOR: CaseActor = { kind: 'system', id: null };

export function staffActor(userId: string): CaseActor {
  return { kind: 'staff', id: userId };
}

/** Appends one timeline entry in the caller's transaction; the table is never updated. */
export async function appendCaseEvent(
  manager: EntityManager,
  caseId: string,
  actor: CaseActor,
  type: CaseEventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(
    `INSERT INTO case_events (case_id, actor_id, actor_kind, type, public, data)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      caseId,
      actor.id,
      actor.kind,
      type,
      PUBLIC_CASE_EVENT_TYPES.includes(type),
      JSON.stringify(data),
    ],
  );
}
