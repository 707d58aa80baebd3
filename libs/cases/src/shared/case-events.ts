import type { EntityManager } from 'typeorm';
import type { ActorKind, CaseStatus } from '@app/common';
import { queueCitizenNotices } from '@app/notices';
import { caseEventNotice, needsCaseStatus } from './case-notices';

/**
 * THE timeline vocabulary: every entry any lib appends to a case (funds' money events
 * included) has one of these types, through appendCaseEvent. Only `case.transitioned` is public
 * (the citizen's timeline); every other entry, notes and money above all, stays internal.
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
  'funds.freeze_recorded',
  'funds.freeze_extended',
  'funds.freeze_released',
  'funds.reimbursement_recorded',
  'funds.reimbursement_reversed',
  'funds.freeze_request_dismissed',
  'case.flagged',
  'case.flag_withdrawn',
  'takedown.requested',
  'takedown.outcome_recorded',
  'loan_writeoff.requested',
  'loan_writeoff.outcome_recorded',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const PUBLIC_CASE_EVENT_TYPES = [
  'case.transitioned',
] as const satisfies readonly CaseEventType[];
export type PublicCaseEventType = (typeof PUBLIC_CASE_EVENT_TYPES)[number];

function isPublic(type: CaseEventType): boolean {
  return (PUBLIC_CASE_EVENT_TYPES as readonly CaseEventType[]).includes(type);
}

export interface CaseActor {
  kind: ActorKind;
  /** Staff user id; null for the system. */
  id: string | null;
}

export const SYSTEM_ACTOR: CaseActor = { kind: 'system', id: null };

export function staffActor(userId: string): CaseActor {
  return { kind: 'staff', id: userId };
}

/**
 * Appends one timeline entry in the caller's transaction; the table is never updated. An event
 * that citizens are told of (case-notices.ts) writes its notices in the same transaction, so a
 * notice exists exactly when its change committed (docs/notices.md).
 */
export async function appendCaseEvent(
  manager: EntityManager,
  caseId: string,
  actor: CaseActor,
  type: CaseEventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  const [event] = (await manager.query(
    `INSERT INTO case_events (case_id, actor_id, actor_kind, type, public, data)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
    [caseId, actor.id, actor.kind, type, isPublic(type), JSON.stringify(data)],
  )) as Array<{ id: string }>;
  let status: CaseStatus | null = null;
  if (needsCaseStatus(type)) {
    const rows = (await manager.query('SELECT status FROM cases WHERE id = $1', [
      caseId,
    ])) as Array<{
      status: CaseStatus;
    }>;
    status = rows[0]?.status ?? null;
  }
  const notice = caseEventNotice(caseId, type, data, status);
  if (notice) await queueCitizenNotices(manager, { caseEventId: event.id, ...notice });
}
