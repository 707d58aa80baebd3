import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BadRequestProblem,
  FraudMetrics,
  maskCardNumbersInOptionalText,
  sqlStringList,
} from '@app/common';
import { CasesConflict } from '../cases.errors';
import type { CaseStatus, Priority } from '@app/common';
import { AccessDeniedProblem } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryOne } from '@app/database';
import type { AssignCaseDto, TransitionCaseDto } from '../dtos/case-commands.dto';
import type { CaseSummaryDto } from '../dtos/case-responses.dto';
import { loadCaseSummary } from '../queue/case-views';
import { appendCaseEvent, CaseActor, CaseEventType, staffActor } from '../shared/case-events';
import { CASE_ROW_COLUMNS, CaseRow, lockCaseInScope } from '../shared/case-rows';
import { recordBreachIfDue } from '../sla/sla.service';
import {
  ACTIVE_CASE_STATUSES,
  allowedTargets,
  findTransition,
  isTerminal,
} from './case-transitions';

const ACTIVE = sqlStringList(ACTIVE_CASE_STATUSES);

/**
 * Claims, assignment and status transitions. Each command is one transaction holding the case's
 * row lock, so two investigators can never both hold a case, and each change appends its
 * timeline entry in the same transaction.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: FraudMetrics,
  ) {}

  async claim(user: StaffPrincipal, caseId: string): Promise<CaseSummaryDto> {
    const breaches: Priority[] = [];
    const summary = await this.dataSource.transaction(async (manager) => {
      const row = await lockCaseInScope(manager, user, caseId);
      assertActive(row);
      if (row.assignee_id === user.id) return loadCaseSummary(manager, caseId);
      if (row.assignee_id !== null) {
        throw new CasesConflict('case-already-claimed', 'Another investigator holds this case', {
          assigneeId: row.assignee_id,
        });
      }
      breaches.push(
        ...(await this.applyClaim(manager, row, user.id, staffActor(user.id), 'case.claimed')),
      );
      return loadCaseSummary(manager, caseId);
    });
    this.countBreaches(breaches);
    return summary;
  }

  /**
   * The most urgent, oldest unassigned case of the caller's region. `SKIP LOCKED` lets
   * concurrent callers pass over a row another claim holds, so each gets a different case.
   */
  async claimNext(user: StaffPrincipal): Promise<CaseSummaryDto | null> {
    if (user.region === null) {
      throw new CasesConflict('no-region', 'Claim-next needs a staff member with a region');
    }
    const region = user.region;
    const breaches: Priority[] = [];
    const summary = await this.dataSource.transaction(async (manager) => {
      const row = await queryOne<CaseRow>(
        manager,
        `SELECT ${CASE_ROW_COLUMNS} FROM cases
          WHERE region = $1 AND assignee_id IS NULL AND status IN (${ACTIVE})
          ORDER BY priority, created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [region],
      );
      if (!row) return null;
      breaches.push(
        ...(await this.applyClaim(manager, row, user.id, staffActor(user.id), 'case.claimed')),
      );
      return loadCaseSummary(manager, row.id);
    });
    this.countBreaches(breaches);
    return summary;
  }

  async assign(user: StaffPrincipal, caseId: string, dto: AssignCaseDto): Promise<CaseSummaryDto> {
    const breaches: Priority[] = [];
    const summary = await this.dataSource.transaction(async (manager) => {
      const row = await lockCaseInScope(manager, user, caseId);
      assertActive(row);
      const assignee = await queryOne<{ role: string; region: string | null; active: boolean }>(
        manager,
        'SELECT role, region, active FROM users WHERE id = $1',
        [dto.assigneeId],
      );
      if (
        !assignee ||
        !assignee.active ||
        assignee.role !== 'investigator' ||
        assignee.region !== row.region
      ) {
        throw new BadRequestProblem('The assignee cannot take this case', [
          {
            field: 'assigneeId',
            message: `must be an active investigator of region ${row.region}`,
          },
        ]);
      }
      if (row.assignee_id === dto.assigneeId) return loadCaseSummary(manager, caseId);
      breaches.push(
        ...(await this.applyClaim(
          manager,
          row,
          dto.assigneeId,
          staffActor(user.id),
          'case.assigned',
        )),
      );
      return loadCaseSummary(manager, caseId);
    });
    this.countBreaches(breaches);
    return summary;
  }

  /** Only pairs in CASE_TRANSITIONS; anything else is a 409 naming the allowed targets. */
  async transition(
    user: StaffPrincipal,
    caseId: string,
    dto: TransitionCaseDto,
  ): Promise<CaseSummaryDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockCaseInScope(manager, user, caseId);
      const rule = findTransition(row.status, dto.to);
      if (!rule) {
        throw new CasesConflict(
          'transition-not-allowed',
          `A case cannot go from ${row.status} to ${dto.to}`,
          { from: row.status, to: dto.to, allowed: allowedTargets(row.status) },
        );
      }
      if (row.merged_into_id !== null) {
        throw new CasesConflict('case-merged', 'This case was merged into another case', {
          mergedIntoId: row.merged_into_id,
        });
      }
      if (!rule.roles.includes(user.role)) {
        throw new AccessDeniedProblem(
          'role',
          { type: 'case', id: caseId },
          `Only ${rule.roles.join(' or ')} may move a case from ${row.status} to ${dto.to}`,
        );
      }
      if (user.role === 'investigator' && row.assignee_id !== user.id) {
        throw new CasesConflict('case-not-held', 'Claim the case before changing its status', {
          assigneeId: row.assignee_id,
        });
      }
      checkRequirements(dto, rule.requires);
      await applyTransition(manager, row, dto, staffActor(user.id), rule.action);
      return loadCaseSummary(manager, caseId);
    });
  }

  /** Breaches found by a claim count once its transaction has committed. */
  private countBreaches(priorities: readonly Priority[]): void {
    for (const priority of priorities) this.metrics.slaBreached(priority);
  }

  /**
   * Assigns a locked case; the first claim stops the SLA clock and moves `open` to in_review.
   * Returns the priority of the SLA breach this claim recorded, if it recorded one.
   */
  private async applyClaim(
    manager: EntityManager,
    row: CaseRow,
    assigneeId: string,
    actor: CaseActor,
    type: CaseEventType,
  ): Promise<Priority[]> {
    // A claim after the deadline is still a breach, whether or not the timer has fired yet.
    const breach = row.first_claimed_at === null ? await recordBreachIfDue(manager, row.id) : null;
    const to: CaseStatus = row.status === 'open' ? 'in_review' : row.status;
    await manager.query(
      `UPDATE cases SET assignee_id = $2, status = $3,
              first_claimed_at = COALESCE(first_claimed_at, now()),
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [row.id, assigneeId, to],
    );
    await appendCaseEvent(manager, row.id, actor, type, {
      assigneeId,
      previousAssigneeId: row.assignee_id,
    });
    if (to !== row.status) {
      await appendCaseEvent(manager, row.id, actor, 'case.transitioned', {
        from: row.status,
        to,
        via: type === 'case.claimed' ? 'claim' : 'assign',
      });
    }
    return breach?.kind === 'breached' ? [breach.priority] : [];
  }
}

function assertActive(row: CaseRow): void {
  if (row.merged_into_id !== null) {
    throw new CasesConflict('case-merged', 'This case was merged into another case', {
      mergedIntoId: row.merged_into_id,
    });
  }
  if (isTerminal(row.status)) {
    throw new CasesConflict('case-not-active', `The case is ${row.status}`, {
      caseStatus: row.status,
    });
  }
}

function checkRequirements(dto: TransitionCaseDto, requires: 'reason' | 'agency' | undefined) {
  const errors: { field: string; message: string }[] = [];
  if (requires === 'reason' && dto.reason === undefined) {
    errors.push({ field: 'reason', message: 'reason is required to close a case' });
  }
  if (requires !== 'reason' && dto.reason !== undefined) {
    errors.push({ field: 'reason', message: 'reason applies only when closing a case' });
  }
  if (requires === 'agency' && dto.agency === undefined) {
    errors.push({ field: 'agency', message: 'agency is required to refer a case' });
  }
  if (requires !== 'agency' && dto.agency !== undefined) {
    errors.push({ field: 'agency', message: 'agency applies only when referring a case' });
  }
  if (errors.length) throw new BadRequestProblem('The transition needs other fields', errors);
}

/** Moves a locked case along an allowed edge; shared by `transition` and merge (to closed). */
export async function applyTransition(
  manager: EntityManager,
  row: CaseRow,
  dto: TransitionCaseDto,
  actor: CaseActor,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  // Free text: a card number in it is stored masked (docs/contract.md).
  const agency = maskCardNumbersInOptionalText(dto.agency);
  await manager.query(
    `UPDATE cases
        SET status = $2,
            close_reason = CASE WHEN $2 = 'closed' THEN $3 ELSE NULL END,
            agency = CASE WHEN $2 = 'referred' THEN $4 ELSE NULL END,
            solved_at = CASE WHEN $2 = 'solved' THEN now() ELSE NULL END,
            updated_at = now(), version = version + 1
      WHERE id = $1`,
    [row.id, dto.to, dto.reason ?? null, agency ?? null],
  );
  await appendCaseEvent(manager, row.id, actor, 'case.transitioned', {
    from: row.status,
    to: dto.to,
    via: action,
    ...(dto.reason === undefined ? {} : { reason: dto.reason }),
    ...(agency === undefined ? {} : { agency }),
    ...extra,
  });
}
