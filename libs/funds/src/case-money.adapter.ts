import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseMoneyPort } from '@app/cases';
import { queryRows } from '@app/database';
import { FreezeRequestsService } from './freeze-requests/freeze-requests.service';

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
    const params = [toCaseId, fromCaseId];
    const requests = await queryRows(
      manager,
      'UPDATE freeze_requests SET case_id = $1 WHERE case_id = $2 RETURNING id',
      params,
    );
    const freezes = await queryRows(
      manager,
      'UPDATE freezes SET case_id = $1 WHERE case_id = $2 RETURNING id',
      params,
    );
    const reimbursements = await queryRows(
      manager,
      'UPDATE reimbursements SET case_id = $1 WHERE case_id = $2 RETURNING id',
      params,
    );
    return {
      freeze_requests: requests.length,
      freezes: freezes.length,
      reimbursements: reimbursements.length,
    };
  }
}
