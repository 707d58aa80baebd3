import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  decodeKeysetCursor,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  Money,
  normalizeKzPhone,
  PiiService,
} from '@app/common';
import type { FraudType, Priority, Region, ReportStatus } from '@app/common';
import { AuditService } from '@app/audit';
import { regionScope } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryRows } from '@app/database';
import type {
  VictimReportDto,
  VictimReportPageDto,
  VictimSearchQueryDto,
} from '../dtos/victim-search.dto';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';

interface VictimReportRow {
  id: string;
  cursor_at: string;
  reference: string;
  status: ReportStatus;
  submitted_at: Date;
  region: Region;
  fraud_type: FraudType;
  priority: Priority | null;
  case_id: string | null;
  case_number: string | null;
  loss_tiyn: string;
  frozen_tiyn: string;
  reimbursed_tiyn: string;
}

/** Which blind-index column a search reads; never built from input. */
const BIDX_COLUMN = { phone: 'reporter_phone_bidx', iin: 'reporter_iin_bidx' } as const;

const money = (tiyn: string) => Money.format(Money.fromDb(tiyn));

/**
 * The reports one person filed, found by their phone or IIN through the keyed blind indexes
 * (exact match only: the values are stored encrypted). A regional caller sees the reports of
 * their region, by the rule of every report read here: the case's region, or the reporter's
 * before triage (docs/review.md, "Region scoping"). Each search is audited without its value.
 */
@Injectable()
export class VictimSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async search(user: StaffPrincipal, query: VictimSearchQueryDto): Promise<VictimReportPageDto> {
    const after = query.cursor === undefined ? null : decodeKeysetCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // The DTO guarantees exactly one of the two, valid; normalised as intake stores them.
    const by = query.phone !== undefined ? 'phone' : 'iin';
    const normalized =
      by === 'phone' ? (normalizeKzPhone(query.phone as string) as string) : (query.iin as string);
    const params: unknown[] = [this.pii.blindIndex(by, normalized), regionScope(user), limit + 1];
    let keyset = '';
    if (after !== null) {
      params.push(after.at, after.id);
      keyset = 'AND (p.submitted_at, p.id) < ($4::timestamptz, $5::uuid)';
    }
    // The page is chosen first on the blind index (a person files a handful of reports), then
    // only its reports are joined to their case and the ledger.
    const rows = await queryRows<VictimReportRow>(
      this.dataSource.manager,
      `WITH page AS MATERIALIZED (
         SELECT p.id FROM reports p
           LEFT JOIN cases pc ON pc.id = p.case_id
          WHERE p.${BIDX_COLUMN[by]} = $1
            AND ($2::text IS NULL OR COALESCE(pc.region, p.region) = $2)
            ${keyset}
          ORDER BY p.submitted_at DESC, p.id DESC
          LIMIT $3
       )
       SELECT r.id, r.submitted_at::text AS cursor_at, r.reference,
              ${REPORT_STATUS_SQL} AS status, r.submitted_at, r.region, r.fraud_type,
              r.priority, r.case_id, c.number AS case_number, r.loss_tiyn::text AS loss_tiyn,
              ${REPORT_FROZEN_SQL} AS frozen_tiyn, ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn
         FROM page JOIN reports r ON r.id = page.id
         ${REPORT_CASE_JOIN}
         ${reportMoneyJoin('SELECT id FROM page')}
        ORDER BY r.submitted_at DESC, r.id DESC`,
      params,
    );
    const page = keysetPage(rows, limit, toVictimReport);
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: 'victim.searched',
      route: 'GET /api/v1/victims',
      detail: { by, found: page.items.length, paged: after !== null },
    });
    return page;
  }
}

function toVictimReport(r: VictimReportRow): VictimReportDto {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    submittedAt: r.submitted_at.toISOString(),
    region: r.region,
    fraudType: r.fraud_type,
    priority: r.priority,
    caseId: r.case_id,
    caseNumber: r.case_number,
    loss: money(r.loss_tiyn),
    frozen: money(r.frozen_tiyn),
    reimbursed: money(r.reimbursed_tiyn),
  };
}
