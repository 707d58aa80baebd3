import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE } from '@app/common';
import type { SuspectType } from '@app/common';
import { FundsSummaryService } from '@app/funds';
import { LoanWriteoffsService } from '@app/loans';
import { TakedownsService } from '@app/takedowns';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryOne, queryRows } from '@app/database';
import { allowedTargets, CaseFlagsService, findTransition, loadCaseSummary } from '@app/cases';
import type { CaseDetailDto, CaseIdentifierDto } from '../dtos/case-detail.dto';
import { readCaseReports } from './case-reports.service';

interface IdentifierRow {
  type: SuspectType;
  value: string;
  display: string;
  report_count: number;
  owner_case_id: string | null;
  identifier_count: number;
}

/** DESIGN: the detail carries the first 50 reports; GET /cases/{id}/reports pages on. */
export const DETAIL_REPORTS = DEFAULT_PAGE_SIZE;
/** The most-reported identifiers of the case; `identifierCount` says how many there are. */
export const DETAIL_IDENTIFIERS = 50;

/** `GET /cases/{id}`: the case, its reports and identifiers, and its funds from the ledger. */
@Injectable()
export class CaseDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly funds: FundsSummaryService,
    private readonly flags: CaseFlagsService,
    private readonly takedowns: TakedownsService,
    private readonly loans: LoanWriteoffsService,
  ) {}

  async detail(user: StaffPrincipal, caseId: string): Promise<CaseDetailDto> {
    const manager = this.dataSource.manager;
    const summary = await loadCaseSummary(manager, caseId);
    assertRegion(user, summary.region, { type: 'case', id: caseId });
    const [reports, identifiers, offenders, mergedFrom, funds, flags, takedowns, loanWriteoffs] =
      await Promise.all([
        readCaseReports(manager, caseId, DETAIL_REPORTS, null),
        // The ranking is kept per case by triggers (case_identifier_rollups, migration
        // CaseRollups): 50 entries of ix_case_identifier_rollups_rank, not a count over every
        // (report, identifier) pair of the case. The display and the owning case are looked up
        // for those 50 only.
        queryRows<IdentifierRow>(
          manager,
          `SELECT k.type, k.value, k.report_count,
                  COALESCE(t.identifier_count, 0) AS identifier_count,
                  (SELECT x.display FROM report_identifiers x
                    WHERE x.type = k.type AND x.value = k.value LIMIT 1) AS display,
                  ci.case_id AS owner_case_id
             FROM case_identifier_rollups k
             LEFT JOIN case_rollups t ON t.case_id = k.case_id
             LEFT JOIN case_identifiers ci ON ci.type = k.type AND ci.value = k.value
            WHERE k.case_id = $1
            ORDER BY k.report_count DESC, k.type, k.value
            LIMIT $2`,
          [caseId, DETAIL_IDENTIFIERS],
        ),
        queryOne<{ total: number }>(
          manager,
          'SELECT COALESCE(sum(count), 0)::int AS total FROM offender_records WHERE case_id = $1',
          [caseId],
        ),
        queryRows<{ id: string; number: string }>(
          manager,
          'SELECT id, number FROM cases WHERE merged_into_id = $1 ORDER BY created_at, number',
          [caseId],
        ),
        this.funds.totalForCase(caseId),
        this.flags.ofCase(manager, caseId),
        this.takedowns.ofCase(manager, caseId),
        this.loans.ofCase(manager, caseId),
      ]);
    return {
      ...summary,
      reports: reports.items,
      reportsNextCursor: reports.nextCursor,
      identifiers: identifiers.map(toCaseIdentifier),
      identifierCount: identifiers[0]?.identifier_count ?? 0,
      funds,
      offendersDetained: offenders?.total ?? 0,
      mergedFrom,
      flags,
      takedowns,
      loanWriteoffs,
      allowedTransitions:
        summary.mergedIntoId === null
          ? allowedTargets(summary.status).filter((to) =>
              findTransition(summary.status, to)?.roles.includes(user.role),
            )
          : [],
    };
  }
}

function toCaseIdentifier(i: IdentifierRow): CaseIdentifierDto {
  return {
    type: i.type,
    // Card values are keyed hashes: meaningless to people, and not to be handed out.
    value: i.type === 'card' ? null : i.value,
    display: i.display,
    reportCount: i.report_count,
    ownerCaseId: i.owner_case_id,
  };
}
