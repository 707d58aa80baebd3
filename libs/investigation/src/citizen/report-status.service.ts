import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Money } from '@app/common';
import type { CaseStatus, Language, ReportStatus } from '@app/common';
import type {
  CitizenEvidenceDto,
  CitizenStatementDto,
  ReportStatusDto,
  StatementSuspectPart,
  StatementTransactionPart,
} from '@app/reports';
import {
  REPORT_CASE_JOIN,
  REPORT_FROZEN_SQL,
  REPORT_REIMBURSED_SQL,
  REPORT_STATUS_SQL,
  reportMoneyJoin,
} from '../report-figures.sql';
import { CaseTransition, citizenTimeline } from './citizen-timeline';

interface StatusRow {
  reference: string;
  status: ReportStatus;
  language: Language;
  submitted_at: Date;
  triaged_at: Date | null;
  loss_tiyn: string;
  frozen_tiyn: string;
  reimbursed_tiyn: string;
  case_id: string | null;
}

interface StatementRow {
  created_at: Date;
  text: string;
  transactions: StatementTransactionPart[];
  suspects: StatementSuspectPart[];
}

interface EvidenceRow {
  original_name: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

/**
 * What a citizen sees of their report: status, money, their own statements and files, and a
 * timeline of codes with sentences in their language. Staff free text (notes, agency names,
 * reasons) is never read here, so none of it can reach a citizen.
 */
@Injectable()
export class ReportStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(reportId: string, lang?: Language): Promise<ReportStatusDto> {
    const [report]: StatusRow[] = await this.dataSource.query(
      `SELECT r.reference, ${REPORT_STATUS_SQL} AS status, r.language, r.submitted_at,
              r.triaged_at, r.loss_tiyn::text AS loss_tiyn, ${REPORT_FROZEN_SQL} AS frozen_tiyn,
              ${REPORT_REIMBURSED_SQL} AS reimbursed_tiyn, r.case_id
         FROM reports r ${REPORT_CASE_JOIN} ${reportMoneyJoin('SELECT $1::uuid')}
        WHERE r.id = $1`,
      [reportId],
    );
    const language = lang ?? report.language;
    const [statements, evidence, caseFacts, money] = await Promise.all([
      this.statements(reportId),
      this.evidence(reportId),
      this.caseFacts(reportId, report),
      this.money(reportId),
    ]);
    return {
      reference: report.reference,
      status: report.status,
      submittedAt: report.submitted_at.toISOString(),
      language,
      loss: Money.format(Money.fromDb(report.loss_tiyn)),
      frozen: Money.format(Money.fromDb(report.frozen_tiyn)),
      reimbursed: Money.format(Money.fromDb(report.reimbursed_tiyn)),
      timeline: citizenTimeline(
        {
          submittedAt: report.submitted_at,
          ...caseFacts,
          statements: statements.map((s) => new Date(s.at)),
          evidence: evidence.map((e) => new Date(e.at)),
          ...money,
        },
        language,
      ),
      statements,
      evidence,
    };
  }

  private async statements(reportId: string): Promise<CitizenStatementDto[]> {
    const rows: StatementRow[] = await this.dataSource.query(
      `SELECT created_at, text, transactions, suspects FROM report_statements
        WHERE report_id = $1 ORDER BY created_at, id`,
      [reportId],
    );
    return rows.map((s) => ({
      at: s.created_at.toISOString(),
      text: s.text,
      transactions: s.transactions.map((t) => ({
        paidAt: t.paidAt,
        amount: Money.format(Money.fromDb(t.amountTiyn)),
        method: t.method,
        fromBank: t.fromBank,
        toBank: t.toBank,
        toAccount: t.toAccount,
      })),
      suspects: s.suspects.map((p) => ({ type: p.type, value: p.value })),
    }));
  }

  private async evidence(reportId: string): Promise<CitizenEvidenceDto[]> {
    const rows: EvidenceRow[] = await this.dataSource.query(
      `SELECT original_name, size_bytes, sha256, created_at FROM evidence
        WHERE report_id = $1 ORDER BY created_at, id`,
      [reportId],
    );
    return rows.map((e) => ({
      name: e.original_name,
      size: e.size_bytes,
      sha256: e.sha256,
      at: e.created_at.toISOString(),
    }));
  }

  /**
   * The report's case history: the cases merged (transitively) into its current case, the one
   * it was first linked to (its `report.linked` entry; a report linked some other way counts
   * from `triaged_at` in its current case), and the status changes of all of them. Only the
   * `to` of each transition is read: reasons and agency names are staff text.
   */
  private async caseFacts(
    reportId: string,
    report: StatusRow,
  ): Promise<{ link: { caseId: string; at: Date } | null; transitions: CaseTransition[] }> {
    if (report.case_id === null) return { link: null, transitions: [] };
    const chain: Array<{ id: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain (id) AS (
         SELECT $1::uuid
         UNION
         SELECT c.id FROM cases c JOIN chain ON c.merged_into_id = chain.id
       )
       SELECT id FROM chain`,
      [report.case_id],
    );
    const ids = chain.map((c) => c.id);
    const [linked]: Array<{ case_id: string; at: Date }> = await this.dataSource.query(
      `SELECT case_id, at FROM case_events
        WHERE case_id = ANY($1::uuid[]) AND type = 'report.linked' AND data->>'reportId' = $2
        ORDER BY at, id LIMIT 1`,
      [ids, reportId],
    );
    const rows: Array<{ case_id: string; at: Date; to: CaseStatus; merged_into: string | null }> =
      await this.dataSource.query(
        `SELECT case_id, at, data->>'to' AS "to", data->>'mergedIntoId' AS merged_into
           FROM case_events
          WHERE case_id = ANY($1::uuid[]) AND type = 'case.transitioned'
          ORDER BY at, id`,
        [ids],
      );
    return {
      link: linked
        ? { caseId: linked.case_id, at: linked.at }
        : { caseId: report.case_id, at: report.triaged_at ?? report.submitted_at },
      transitions: rows.map((t) => ({
        caseId: t.case_id,
        at: t.at,
        to: t.to,
        mergedIntoId: t.merged_into,
      })),
    };
  }

  private async money(reportId: string) {
    const freezes: Array<{ at: Date; tiyn: string }> = await this.dataSource.query(
      `SELECT frozen_at AS at, amount_tiyn::text AS tiyn FROM freezes
        WHERE report_id = $1 ORDER BY frozen_at, id`,
      [reportId],
    );
    const paid: Array<{ at: Date; tiyn: string; reversed_at: Date | null }> =
      await this.dataSource.query(
        `SELECT m.paid_at AS at, m.amount_tiyn::text AS tiyn, v.reversed_at
           FROM reimbursements m
           LEFT JOIN reimbursement_reversals v ON v.reimbursement_id = m.id
          WHERE m.report_id = $1 ORDER BY m.paid_at, m.id`,
        [reportId],
      );
    return {
      freezes: freezes.map((f) => ({ at: f.at, amountTiyn: Money.fromDb(f.tiyn) })),
      reimbursements: paid.map((m) => ({
        at: m.at,
        amountTiyn: Money.fromDb(m.tiyn),
        reversedAt: m.reversed_at,
      })),
    };
  }
}
