import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadRequestProblem, NotFoundProblem } from '@app/common';
import { CasesConflict } from '../cases.errors';
import { APP_CONFIG, AppConfig } from '@app/config';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryRows } from '@app/database';
import { moveCaseReports } from '@app/reports';
import type { MergeCaseDto } from '../dtos/case-commands.dto';
import type { CaseSummaryDto } from '../dtos/case-responses.dto';
import { loadCaseSummary } from '../queue/case-views';
import { appendCaseEvent, staffActor } from '../shared/case-events';
import { CASE_MONEY, CaseMoneyPort } from '../shared/case-money.port';
import { CaseRow, lockCase, pendingSlaTimer, SlaTimer } from '../shared/case-rows';
import { withTransactionRetries } from '../shared/retry';
import { SlaTimersService } from '../sla/sla-timers.service';
import { reprioritiseCase } from '../triage/reprioritise';
import { isTerminal } from '../workflow/case-transitions';
import { applyTransition } from '../workflow/case-workflow.service';

/**
 * `POST /cases/{target}/merge { sourceCaseId }`: the source's reports, identifiers, offender
 * records and money move to the target; the source closes as `duplicate` with
 * `merged_into_id`. Its timeline stays where it is (append-only) and is shown as part of the
 * target's timeline.
 */
@Injectable()
export class CaseMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly slaTimers: SlaTimersService,
    @Inject(CASE_MONEY) private readonly money: CaseMoneyPort,
  ) {}

  async merge(user: StaffPrincipal, targetId: string, dto: MergeCaseDto): Promise<CaseSummaryDto> {
    if (dto.sourceCaseId === targetId) {
      throw new BadRequestProblem('A case cannot be merged into itself', [
        { field: 'sourceCaseId', message: 'must be another case' },
      ]);
    }
    const { summary, sla } = await withTransactionRetries(() =>
      this.dataSource.transaction((manager) =>
        this.mergeInTransaction(manager, user, targetId, dto.sourceCaseId),
      ),
    );
    if (sla) await this.slaTimers.arm(sla);
    return summary;
  }

  private async mergeInTransaction(
    manager: EntityManager,
    user: StaffPrincipal,
    targetId: string,
    sourceId: string,
  ): Promise<{ summary: CaseSummaryDto; sla: SlaTimer | null }> {
    // Case rows first (in id order), then report rows: the order of every writer.
    const [first, second] = [targetId, sourceId].sort();
    const locked = new Map<string, CaseRow | undefined>([
      [first, await lockCase(manager, first)],
      [second, await lockCase(manager, second)],
    ]);
    const target = locked.get(targetId);
    const source = locked.get(sourceId);
    if (!target) throw new NotFoundProblem('Case');
    assertRegion(user, target.region, { type: 'case', id: targetId });
    if (!source) throw new NotFoundProblem('Source case');
    assertRegion(user, source.region, { type: 'case', id: sourceId });
    for (const row of [target, source]) {
      if (row.merged_into_id !== null || isTerminal(row.status)) {
        throw new CasesConflict('merge-not-allowed', `Case ${row.number} is ${row.status}`, {
          caseId: row.id,
          caseStatus: row.status,
          mergedIntoId: row.merged_into_id,
        });
      }
    }

    const reports = await moveCaseReports(manager, sourceId, targetId);
    const identifiers = await queryRows(
      manager,
      'UPDATE case_identifiers SET case_id = $1 WHERE case_id = $2 RETURNING type',
      [targetId, sourceId],
    );
    const offenders = await queryRows(
      manager,
      'UPDATE offender_records SET case_id = $1 WHERE case_id = $2 RETURNING id',
      [targetId, sourceId],
    );
    const money = await this.money.moveToCase(manager, sourceId, targetId);

    const actor = staffActor(user.id);
    await applyTransition(manager, source, { to: 'closed', reason: 'duplicate' }, actor, 'merge', {
      mergedIntoId: targetId,
      mergedIntoNumber: target.number,
    });
    await manager.query('UPDATE cases SET merged_into_id = $2 WHERE id = $1', [sourceId, targetId]);
    await appendCaseEvent(manager, targetId, actor, 'case.merged', {
      sourceCaseId: sourceId,
      sourceNumber: source.number,
      reports,
      identifiers: identifiers.length,
      offenderRecords: offenders.length,
      money,
    });
    const updated = await reprioritiseCase(manager, this.config, target, actor, {
      mergedFrom: sourceId,
    });
    return { summary: await loadCaseSummary(manager, targetId), sla: pendingSlaTimer(updated) };
  }
}
