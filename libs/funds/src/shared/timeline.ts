import type { EntityManager } from 'typeorm';

/** Funds entries on the case timeline (internal: other victims' amounts must not leak). */
export type FundsEventType =
  | 'funds.freeze_recorded'
  | 'funds.freeze_extended'
  | 'funds.freeze_released'
  | 'funds.reimbursement_recorded'
  | 'funds.reimbursement_reversed'
  | 'funds.freeze_request_dismissed';

/**
 * Appends a timeline entry in the caller's transaction. Raw SQL rather than the cases lib:
 * cases' triage depends on funds, so funds must not load the cases barrel at runtime.
 */
export async function appendFundsEvent(
  manager: EntityManager,
  caseId: string,
  actorId: string,
  type: FundsEventType,
  data: Record<string, unknown>,
): Promise<void> {
  await manager.query(
    `INSERT INTO case_events (case_id, actor_id, actor_kind, type, public, data)
     VALUES ($1, $2, 'staff', $3, false, $4::jsonb)`,
    [caseId, actorId, type, JSON.stringify(data)],
  );
}
