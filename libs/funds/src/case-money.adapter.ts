import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseMoneyPort } from '@app/cases';
import { queryRows } from '@app/database';
import { FreezeRequestsService } from './freeze-requests/freeze-requests.service';
import { CASE_OWNED_TABLES } from './shared/case-access';

/** Funds' side of the cases → money port: freeze requests for P1 triage, money in a merge. */
@Injectable()
export class FundsCaseMoney implements CaseMoneyPort {
  constructor(private readonly freezeRequests: FreezeRequestsService) {}

  async requestFreezes(manager: EntityManager, caseId: string, reportId: string): Promise<void> {
    // Idempotent: one pending request per (report, destination account).
    await this.freezeRequests.createForP1Report(manager, caseId, reportId);
  }

  /** The append-only triggers of these tables allow exactly `case_id` to change. */
  async moveToCase(
    manager: EntityManager,
    fromCaseId: string,
    toCaseId: string,
  ): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const [table, { moveSql }] of Object.entries(CASE_OWNED_TABLES)) {
      moved[table] = (await queryRows(manager, moveSql, [toCaseId, fromCaseId])).length;
    }
    return moved;
  }
}
