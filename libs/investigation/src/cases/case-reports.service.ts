import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CursorPageQuery,
  decodeKeysetCursor,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  Money,
  NotFoundProblem,
} from '@app/common';
import type { AgeGroup, FraudType, Priority, Region, ReportStatus } from '@app/common';
import { assertRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryOne, queryRows } from '@app/database';
import type { CaseReportDto, CaseReportPageDto } from '../dtos/case-detail.dto';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';

interface ReportRow {
  id: string;
  cursor_at: string;
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

const money = (tiyn: string) => Money.format(Money.fromDb(tiyn));

/**
 * The reports of a case, oldest first, by keyset on (submitted_at, id): the index
 * ix_reports_case_id_submitted_at answers every page with one range scan, however deep, and a
 * report linked while someone pages (it sorts by its own submission time) never shifts or
 * repeats the rows of the pages already read. docs/review.md, "Paged case reads".
 */
@Injectable()
export class CaseReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `GET /cases/{id}/reports`: 404 for an unknown case, 403 for one of another region. */
  async page(
    user: StaffPrincipal,
    caseId: string,
    query: CursorPageQuery,
  ): Promise<CaseReportPageDto> {
    // The cursor first: a bad one is a 400 whoever asks, before any lookup.
    const after = query.cursor === undefined ? null : decodeKeysetCursor(query.cursor);
    const manager = this.dataSource.manager;
    const target = await queryOne<{ region: Region }>(
      manager,
      'SELECT region FROM cases WHERE id = $1',
      [caseId],
    );
    if (!target) throw new NotFoundProblem('Case');
    assertRegion(user, target.region, { type: 'case', id: caseId });
    return readCaseReports(manager, caseId, query.limit ?? DEFAULT_PAGE_SIZE, after);
  }
}

/** One page of the case's reports (access already checked); the case detail reads the first. */
export async function readCaseReports(
  manager: EntityManager,
  caseId: string,
  limit: number,
  after: { at: string; id: string } | null,
): Promise<CaseReportPageDto> {
  const params: unknown[] = [caseId, limit + 1];
  let keyset = '';
  if (after !== null) {
    params.push(after.at, after.id);
    keyset = 'AND (p.submitted_at, p.id) > ($3::timestamptz, $4::uuid)';
  }
  // The page is chosen first (index range scan, LIMIT), then only its reports are joined to
  // their case and to the ledger: the cost is the page's, not the case's.
  const rows = await queryRows<ReportRow>(
    manager,
    `WITH page AS MATERIALIZED (
       SELECT p.id FROM reports p
        WHERE p.case_id = $1 ${keyset}
        ORDER BY p.submitted_at, p.id
        LIMIT $2
     )
     SELECT r.id, r.submitted_at::text AS cursor_at, r.reference, ${REPORT_STATUS_SQL} AS status,
            r.submitted_at, r.region, r.fraud_type, r.age_group, r.priority,
            r.loss_tiyn::text AS loss_tiyn,
            ${REPORT_FROZEN_SQL} AS frozen_tiyn, ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn
       FROM page JOIN reports r ON r.id = page.id
       ${REPORT_CASE_JOIN}
       ${reportMoneyJoin('SELECT id FROM page')}
      ORDER BY r.submitted_at, r.id`,
    params,
  );
  return keysetPage(rows, limit, toCaseReport);
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
