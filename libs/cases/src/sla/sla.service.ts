import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FraudMetrics, sqlStringList } from '@app/common';
import type { Priority } from '@app/common';
import { queryOne, queryRows } from '@app/database';
import { appendCaseEvent, SYSTEM_ACTOR } from '../shared/case-events';
import { ACTIVE_CASE_STATUSES } from '../workflow/case-transitions';

export type SlaCheck =
  | { kind: 'breached'; priority: Priority; dueAt: Date }
  /** Still waiting and not yet due (a timer fired early): check again at `dueAt`. */
  | { kind: 'not-due'; dueAt: Date }
  /** Claimed, already breached, closed or gone: nothing to do. */
  | { kind: 'settled' };

const SWEEP_BATCH = 200;
const ACTIVE = sqlStringList(ACTIVE_CASE_STATUSES);

/** Records SLA breaches: a case not claimed by its `sla_due_at` gets `sla.breached`. */
@Injectable()
export class SlaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: FraudMetrics,
  ) {}

  /** Idempotent: the conditional update lets exactly one caller record a breach. */
  async check(caseId: string): Promise<SlaCheck> {
    const result = await this.dataSource.transaction(async (manager): Promise<SlaCheck> => {
      const breached = await recordBreachIfDue(manager, caseId);
      if (breached) return breached;
      const waiting = await queryOne<{ sla_due_at: Date }>(
        manager,
        `SELECT sla_due_at FROM cases
          WHERE id = $1 AND first_claimed_at IS NULL AND sla_breached_at IS NULL
            AND status IN (${ACTIVE})`,
        [caseId],
      );
      return waiting ? { kind: 'not-due', dueAt: waiting.sla_due_at } : { kind: 'settled' };
    });
    // Counted after the commit, by the one caller whose update recorded the breach.
    if (result.kind === 'breached') this.metrics.slaBreached(result.priority);
    return result;
  }

  /** Backstop for timers lost with Redis: every overdue, unclaimed case, in batches. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await queryRows<{ id: string }>(
        this.dataSource.manager,
        `SELECT id FROM cases
          WHERE first_claimed_at IS NULL AND sla_breached_at IS NULL AND sla_due_at <= now()
            AND status IN (${ACTIVE})
          ORDER BY sla_due_at LIMIT $1`,
        [SWEEP_BATCH],
      );
      for (const { id } of due) {
        if ((await this.check(id)).kind === 'breached') total++;
      }
      if (due.length < SWEEP_BATCH) return total;
    }
  }
}

/**
 * In the caller's transaction: marks the case breached (at its due time) when it is overdue and
 * was never claimed, and appends `sla.breached`. Claims call this too, so a breach is recorded
 * even when the timer has not fired yet.
 */
export async function recordBreachIfDue(
  manager: EntityManager,
  caseId: string,
): Promise<SlaCheck | null> {
  const row = await queryOne<{ priority: Priority; sla_due_at: Date }>(
    manager,
    `UPDATE cases SET sla_breached_at = sla_due_at, updated_at = now(), version = version + 1
      WHERE id = $1 AND first_claimed_at IS NULL AND sla_breached_at IS NULL
        AND sla_due_at <= now() AND status IN (${ACTIVE})
      RETURNING priority, sla_due_at`,
    [caseId],
  );
  if (!row) return null;
  await appendCaseEvent(manager, caseId, SYSTEM_ACTOR, 'sla.breached', {
    priority: row.priority,
    dueAt: row.sla_due_at.toISOString(),
  });
  return { kind: 'breached', priority: row.priority, dueAt: row.sla_due_at };
}
