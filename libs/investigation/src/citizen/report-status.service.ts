import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import type { ReportStatus } from '@app/common';
import type { CaseEventType } from '@app/cases';
import type { ReportStatusDto, TimelineEntryDto } from '@app/reports';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';

interface StatusRow {
  reference: string;
  status: ReportStatus;
  submitted_at: Date;
  loss_tiyn: string;
  frozen_tiyn: string;
  reimbursed_tiyn: string;
  case_id: string | null;
}

interface EventRow {
  at: Date;
  /**
   * Only public rows are read: appendCaseEvent marks exactly PUBLIC_CASE_EVENT_TYPES public, and
   * the funds entries on the same timeline (libs/funds) are never public.
   */
  type: CaseEventType;
  data: Record<string, unknown> | null;
}

const STATUS_WORDS: Record<string, string> = {
  open: 'registered',
  in_review: 'under review',
  investigating: 'under investigation',
  solved: 'solved',
  closed: 'closed',
  referred: 'referred to another agency',
};

/**
 * Citizen-facing wording of a public case event (PUBLIC_CASE_EVENT_TYPES in libs/cases). Staff
 * may put a `message` in a public event's data; otherwise the type decides. Internal details in
 * `data` are never passed through. Typed over the case event codes, so only codes some writer
 * emits can be given words here.
 */
export function publicMessage(type: CaseEventType, data: Record<string, unknown> | null): string {
  if (typeof data?.message === 'string' && data.message.trim() !== '') return data.message;
  const to = typeof data?.to === 'string' ? data.to : undefined;
  switch (type) {
    case 'case.created':
      return 'A case was opened for your report';
    case 'report.linked':
      return 'Your report was linked to a case';
    case 'case.claimed':
    case 'case.assigned':
      return 'An investigator took up your case';
    case 'case.transitioned':
      return to ? `The case is now ${STATUS_WORDS[to] ?? to.replace(/_/g, ' ')}` : 'Status changed';
    default:
      return type.replace(/[._]/g, ' ');
  }
}

/** What a citizen sees of their report: status, money and the public timeline. */
@Injectable()
export class ReportStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(reportId: string): Promise<ReportStatusDto> {
    const [report]: StatusRow[] = await this.dataSource.query(
      `SELECT r.reference, ${REPORT_STATUS_SQL} AS status, r.submitted_at,
              r.loss_tiyn::text AS loss_tiyn, ${REPORT_FROZEN_SQL} AS frozen_tiyn,
              ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn, r.case_id
         FROM reports r ${REPORT_CASE_JOIN} ${reportMoneyJoin('SELECT $1::uuid')}
        WHERE r.id = $1`,
      [reportId],
    );
    const events: EventRow[] =
      report.case_id === null
        ? []
        : await this.dataSource.query(
            `SELECT at, type, data FROM case_events
              WHERE case_id = $1 AND public ORDER BY at, id`,
            [report.case_id],
          );
    const received: TimelineEntryDto = {
      at: report.submitted_at.toISOString(),
      type: 'received',
      message: 'Your report was received',
    };
    return {
      reference: report.reference,
      status: report.status,
      submittedAt: report.submitted_at.toISOString(),
      loss: Money.format(Money.fromDb(report.loss_tiyn)),
      frozen: Money.format(Money.fromDb(report.frozen_tiyn)),
      reimbursed: Money.format(Money.fromDb(report.reimbursed_tiyn)),
      // A report linked to an older case also sees that case's earlier public events.
      timeline: [
        received,
        ...events.map((e) => ({
          at: e.at.toISOString(),
          type: e.type,
          message: publicMessage(e.type, e.data),
        })),
      ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    };
  }
}
