import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import type { AgeGroup, FraudType, Priority, Region, ReportStatus, SuspectType } from '@app/common';
import { FundsSummaryService } from '@app/funds';
import { LoanWriteoffsService } from '@app/loans';
import { TakedownsService } from '@app/takedowns';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryOne, queryRows } from '@app/database';
import { allowedTargets, CaseFlagsService, findTransition, loadCaseSummary } from '@app/cases';
import type { CaseDetailDto, CaseIdentifierDto, CaseReportDto } from '../dtos/case-detail.dto';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';

interface ReportRow {
  id: string;
  reference: string;
  status: ReportStatus;
  submitted_at: Date;
  region: Region;
  fraud_type: FraudType;
  age_group: AgeGroup;
  priority: Priority | null;
  loss_tiyn: string;
  frozen_tiyn: string;
  reimbursed_tiyn: string;
}

interface IdentifierRow {
  type: SuspectType;
  value: string;
  display: string;
  report_count: number;
  owner_case_id: string | null;
}

const money = (tiyn: string) => Money.format(Money.fromDb(tiyn));

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
        queryRows<ReportRow>(
          manager,
          `SELECT r.id, r.reference, ${REPORT_STATUS_SQL} AS status, r.submitted_at, r.region,
                r.fraud_type, r.age_group, r.priority, r.loss_tiyn::text AS loss_tiyn,
                ${REPORT_FROZEN_SQL} AS frozen_tiyn, ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn
           FROM reports r ${REPORT_CASE_JOIN}
           ${reportMoneyJoin('SELECT id FROM reports WHERE case_id = $1')}
          WHERE r.case_id = $1 ORDER BY r.submitted_at, r.id`,
          [caseId],
        ),
        queryRows<IdentifierRow>(
          manager,
          `SELECT ri.type, ri.value, min(ri.display) AS display,
                count(DISTINCT ri.report_id)::int AS report_count, ci.case_id AS owner_case_id
           FROM report_identifiers ri
           JOIN reports r ON r.id = ri.report_id
           LEFT JOIN case_identifiers ci ON ci.type = ri.type AND ci.value = ri.value
          WHERE r.case_id = $1
          GROUP BY ri.type, ri.value, ci.case_id
          ORDER BY report_count DESC, ri.type, ri.value`,
          [caseId],
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
        this.funds.forCase(caseId, user),
        this.flags.ofCase(manager, caseId),
        this.takedowns.ofCase(manager, caseId),
        this.loans.ofCase(manager, caseId),
      ]);
    return {
      ...summary,
      reports: reports.map(toCaseReport),
      identifiers: identifiers.map(toCaseIdentifier),
      funds: funds.total,
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

function toCaseReport(r: ReportRow): CaseReportDto {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    submittedAt: r.submitted_at.toISOString(),
    region: r.region,
    fraudType: r.fraud_type,
    ageGroup: r.age_group,
    priority: r.priority,
    loss: money(r.loss_tiyn),
    frozen: money(r.frozen_tiyn),
    reimbursed: money(r.reimbursed_tiyn),
  };
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
