import type { EntityManager } from 'typeorm';
import type { Priority } from '@app/common';
import type { AppConfig } from '@app/config';
import { queryOne } from '@app/database';
import { appendCaseEvent, CaseActor } from '../shared/case-events';
import { CASE_ROW_COLUMNS, CaseRow } from '../shared/case-rows';
import { casePriority, mostUrgent, P2_LINKED_REPORTS } from './priority';

/**
 * Recomputes a locked case's priority from its reports after it gained some (triage, merge).
 * Priority only ever becomes more urgent automatically; while the case waits for its first
 * claim, the SLA deadline moves to creation + the new priority's SLA if that is sooner.
 */
export async function reprioritiseCase(
  manager: EntityManager,
  config: AppConfig,
  row: CaseRow,
  actor: CaseActor,
  context: Record<string, unknown>,
): Promise<CaseRow> {
  if (row.priority === 'P1') return row; // nothing is more urgent
  // Two short index walks on ix_reports_case_id_priority (the most urgent report, and whether
  // there are three), never every report: triage calls this for each report of a pyramid.
  const facts = await queryOne<{ most_urgent: Priority | null; at_most_three: number }>(
    manager,
    `SELECT (SELECT priority FROM reports WHERE case_id = $1 AND priority IS NOT NULL
              ORDER BY priority LIMIT 1) AS most_urgent,
            (SELECT count(*)::int FROM (SELECT 1 FROM reports WHERE case_id = $1
              LIMIT ${P2_LINKED_REPORTS}) t) AS at_most_three`,
    [row.id],
  );
  const next = mostUrgent(
    row.priority,
    casePriority(facts?.most_urgent ? [facts.most_urgent] : [], facts?.at_most_three ?? 0),
  );
  if (next === row.priority) return row;
  const counted = await queryOne<{ n: number }>(
    manager,
    'SELECT count(*)::int AS n FROM reports WHERE case_id = $1',
    [row.id],
  );
  const reportCount = counted?.n ?? 0;
  const updated = await queryOne<CaseRow>(
    manager,
    `UPDATE cases
        SET priority = $2,
            sla_due_at = CASE
              WHEN first_claimed_at IS NULL AND sla_breached_at IS NULL
              THEN LEAST(sla_due_at, created_at + make_interval(mins => $3))
              ELSE sla_due_at END,
            updated_at = now(), version = version + 1
      WHERE id = $1
      RETURNING ${CASE_ROW_COLUMNS}`,
    [row.id, next, config.slaMinutes[next]],
  );
  if (!updated) throw new Error(`case ${row.id} vanished while locked`);
  await appendCaseEvent(manager, row.id, actor, 'case.reprioritised', {
    from: row.priority,
    to: next,
    reportCount,
    slaDueAt: updated.sla_due_at.toISOString(),
    ...context,
  });
  return updated;
}
