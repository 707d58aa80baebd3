import type { EntityManager } from 'typeorm';
import type { Priority } from '@app/common';
import type { AppConfig } from '@app/config';
import { queryOne, queryRows } from '@app/database';
import { appendCaseEvent, CaseActor } from '../shared/case-events';
import { CASE_ROW_COLUMNS, CaseRow } from '../shared/case-rows';
import { casePriority, mostUrgent } from './priority';

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
  const groups = await queryRows<{ priority: Priority | null; n: number }>(
    manager,
    'SELECT priority, count(*)::int AS n FROM reports WHERE case_id = $1 GROUP BY priority',
    [row.id],
  );
  const reportCount = groups.reduce((total, g) => total + g.n, 0);
  const next = mostUrgent(
    row.priority,
    casePriority(
      groups.map((g) => g.priority),
      reportCount,
    ),
  );
  if (next === row.priority) return row;
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
