import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FraudMetrics, Money } from '@app/common';
import type { AgeGroup, CaseStatus, FraudType, Priority, Region, SuspectType } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryOne, queryRows } from '@app/database';
import { linkReportToCase, setReportPriority } from '@app/reports';
import { appendCaseEvent, SYSTEM_ACTOR } from '../shared/case-events';
import { CASE_MONEY, CaseMoneyPort } from '../shared/case-money.port';
import { nextCaseNumber } from '../shared/case-number';
import {
  CASE_ROW_COLUMNS,
  CaseRow,
  lockCase,
  pendingSlaTimer,
  SlaTimer,
} from '../shared/case-rows';
import {
  IdentifierKey,
  identifierMapKey,
  lockIdentifiers,
  lockReportsTriage,
  lockReportTriage,
} from '../shared/identifier-locks';
import { StaleReadError, withTransactionRetries } from '../shared/retry';
import { SlaTimersService } from '../sla/sla-timers.service';
import { isTerminal } from '../workflow/case-transitions';
import { reprioritiseCase } from './reprioritise';
import { TriageBatch } from './triage-batch';
import { reportPriority } from './priority';

export interface ReportRow {
  id: string;
  reference: string;
  case_id: string | null;
  region: Region;
  fraud_type: FraudType;
  age_group: AgeGroup;
  loss_tiyn: string;
  submitted_at: Date;
  priority: Priority | null;
}

const REPORT_COLUMNS = `id, reference, case_id, region, fraud_type, age_group,
  loss_tiyn::text AS loss_tiyn, submitted_at, priority`;

/** What one triage run reads about its report once it holds the report's locks. */
export interface ReportFacts {
  report: ReportRow;
  identifiers: IdentifierKey[];
  paidAt: Date[];
}

interface OwnerRow {
  type: SuspectType;
  value: string;
  case_id: string;
  status: CaseStatus;
  number: string;
  created_at: Date;
}

export type TriageOutcome = 'missing' | 'created' | 'linked' | 'updated' | 'unchanged';

export interface TriageResult {
  outcome: TriageOutcome;
  reportId: string;
  caseId: string | null;
  priority: Priority | null;
  /** Other open cases that share an identifier with the report (merge candidates). */
  mergeCandidates: string[];
}

export interface TransactionOutcome {
  result: TriageResult;
  sla: SlaTimer | null;
  /** Set when this run linked the report (its first link): the report's submission time. */
  linkedSubmittedAt?: Date;
}

/**
 * Links a report into a case (docs/contract.md "Case"): the open case that shares one of its
 * identifiers, the oldest one if several do (the others get a merge suggestion), else a new case.
 *
 * Safe to run any number of times and concurrently: one transaction takes an advisory lock on
 * the report (runs for one report serialise) and on every identifier of the report (sorted, so
 * no deadlocks), `reports.case_id` is only set `WHERE case_id IS NULL`, and the
 * `case_identifiers` primary key stops two cases from owning one identifier. Row locks follow
 * the order of every other writer: the case row, then report rows.
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CASE_MONEY) private readonly money: CaseMoneyPort,
    private readonly slaTimers: SlaTimersService,
    private readonly metrics: FraudMetrics,
  ) {}

  /** `statementId`: the citizen statement that caused this run, recorded on the timeline. */
  async triage(reportId: string, statementId?: string): Promise<TriageResult> {
    const [outcome] = await withTransactionRetries(() =>
      this.dataSource.transaction(async (manager) => [
        await this.triageInTransaction(manager, reportId, statementId),
      ]),
    );
    await this.afterCommit([outcome]);
    return outcome.result;
  }

  /**
   * Triages several reports in one transaction: the same decisions as one `triage` each, in
   * order, but one commit, and the locks taken once up front (every report lock, then every
   * identifier lock, each sorted, then the row of every case they already belong to, by id).
   * The plain first triages are decided in memory and written set-based (triage-batch.ts).
   * If the batch cannot commit, each report is triaged alone, so one bad report fails only
   * its own job. Outcomes come back in the order of `reportIds`.
   */
  async triageMany(reportIds: readonly string[]): Promise<PromiseSettledResult<TriageResult>[]> {
    const unique = [...new Set(reportIds)];
    if (unique.length === 1) {
      const [only] = await Promise.allSettled([this.triage(unique[0])]);
      return reportIds.map(() => only);
    }
    let outcomes: TransactionOutcome[];
    try {
      outcomes = await withTransactionRetries(() =>
        this.dataSource.transaction(async (manager) => {
          const facts = await this.lockBatch(manager, unique);
          const batch = new TriageBatch(
            manager,
            this.config,
            facts,
            (id, known) => this.triageInTransaction(manager, id, undefined, known),
            (caseId, reportId) => this.money.requestFreezes(manager, caseId, reportId),
          );
          return batch.run(unique);
        }),
      );
    } catch (error) {
      this.logger.warn(
        { reports: reportIds.length, err: (error as Error).message },
        'triage batch failed; triaging its reports one by one',
      );
      const alone = new Map<string, PromiseSettledResult<TriageResult>>();
      for (const id of unique) {
        const [settled] = await Promise.allSettled([this.triage(id)]);
        alone.set(id, settled);
      }
      return reportIds.map((id) => alone.get(id)!);
    }
    await this.afterCommit(outcomes);
    const byId = new Map(outcomes.map((o) => [o.result.reportId, o.result]));
    return reportIds.map((id) => ({ status: 'fulfilled', value: byId.get(id)! }));
  }

  /**
   * After commit: SLA timers re-armed on every run (the latest per case), so a crash between
   * commit and here heals on retry. Only the run that linked a report observes its lag.
   */
  private async afterCommit(outcomes: readonly TransactionOutcome[]): Promise<void> {
    const timers = new Map<string, SlaTimer>();
    for (const { result, sla, linkedSubmittedAt } of outcomes) {
      if (linkedSubmittedAt) this.metrics.reportTriaged(linkedSubmittedAt);
      if (sla) timers.set(sla.caseId, sla);
      if (result.outcome === 'missing') {
        this.logger.warn({ reportId: result.reportId }, 'triage: report not found');
      }
    }
    await this.slaTimers.armMany([...timers.values()]);
  }

  /**
   * The batch's locks, in the one order every triage run takes them (see triageMany), and,
   * read once the locks are held, what each run would otherwise read itself: the report, its
   * identifiers and its payment times (none of which changes without the report's lock).
   */
  private async lockBatch(
    manager: EntityManager,
    reportIds: readonly string[],
  ): Promise<Map<string, ReportFacts>> {
    await lockReportsTriage(manager, reportIds);
    const named = await queryRows<IdentifierKey & { report_id: string }>(
      manager,
      `SELECT DISTINCT report_id, type, value FROM report_identifiers
        WHERE report_id = ANY($1::uuid[])`,
      [reportIds],
    );
    const identifiers = [...new Map(named.map((i) => [identifierMapKey(i), i])).values()];
    await lockIdentifiers(manager, identifiers);
    // Owners cannot change now but through staff (merge, close), whom the fresh reads and
    // StaleReadError checks of each run still catch; locking them here, sorted, keeps two
    // batches that reach the same cases through different identifiers from deadlocking.
    await manager.query(
      `SELECT id FROM cases
        WHERE id IN (SELECT ci.case_id FROM case_identifiers ci
                      WHERE (ci.type, ci.value) IN (SELECT * FROM unnest($1::text[], $2::text[]))
                     UNION
                     SELECT case_id FROM reports WHERE id = ANY($3::uuid[]))
        ORDER BY id
        FOR UPDATE`,
      [identifiers.map((i) => i.type), identifiers.map((i) => i.value), reportIds],
    );
    const reports = await queryRows<ReportRow>(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ANY($1::uuid[])`,
      [reportIds],
    );
    const payments = await queryRows<{ report_id: string; paid_at: Date }>(
      manager,
      'SELECT report_id, paid_at FROM report_transactions WHERE report_id = ANY($1::uuid[])',
      [reportIds],
    );
    const facts = new Map<string, ReportFacts>();
    for (const report of reports) {
      facts.set(report.id, { report, identifiers: [], paidAt: [] });
    }
    for (const { report_id, type, value } of named) {
      facts.get(report_id)?.identifiers.push({ type, value });
    }
    for (const { report_id, paid_at } of payments) facts.get(report_id)?.paidAt.push(paid_at);
    return facts;
  }

  private async triageInTransaction(
    manager: EntityManager,
    reportId: string,
    statementId: string | undefined,
    /** Set in a batch, which holds the locks and read these already (lockBatch). */
    batched?: ReportFacts | 'missing',
  ): Promise<TransactionOutcome> {
    const facts = batched ?? (await this.lockAndRead(manager, reportId));
    if (facts === 'missing') {
      const result: TriageResult = {
        outcome: 'missing',
        reportId,
        caseId: null,
        priority: null,
        mergeCandidates: [],
      };
      return { result, sla: null };
    }
    const { report, identifiers } = facts;
    const owners = await this.owners(manager, identifiers);
    const decision = reportPriority({
      ageGroup: report.age_group,
      lossTiyn: Money.fromDb(report.loss_tiyn),
      submittedAt: report.submitted_at,
      paidAt: facts.paidAt,
    });

    const openOwners = uniqueCases(owners.filter((o) => !isTerminal(o.status)));
    let target: CaseRow;
    let outcome: TriageOutcome;
    if (report.case_id !== null) {
      target = await this.mustLock(manager, report.case_id);
      // A merge may have moved the report while this run waited for the case.
      if (!(await this.stillIn(manager, reportId, target.id))) {
        throw new StaleReadError(`report ${reportId} moved`);
      }
      outcome = 'updated';
    } else if (openOwners.length > 0) {
      target = await this.mustLock(manager, openOwners[0].case_id);
      // Closed or merged between reading the owners and locking: decide again on fresh data.
      if (isTerminal(target.status)) throw new StaleReadError(`case ${target.id} closed`);
      outcome = 'linked';
    } else {
      target = await this.createCase(manager, report, decision.priority);
      outcome = 'created';
    }

    const registered = await this.registerIdentifiers(manager, target, identifiers, owners);
    const candidates = openOwners.filter((o) => o.case_id !== target.id);
    const suggested = await this.suggestMerge(manager, target.id, report, candidates);

    if (report.case_id === null) {
      if (!(await linkReportToCase(manager, reportId, target.id, decision.priority))) {
        throw new StaleReadError(`report ${reportId} already linked`);
      }
      await appendCaseEvent(manager, target.id, SYSTEM_ACTOR, 'report.linked', {
        reportId,
        reference: report.reference,
        priority: decision.priority,
        reasons: decision.reasons,
        identifiers: identifiers.length,
        transferredFrom: registered.transferredFrom,
      });
    } else {
      if (report.priority !== decision.priority) {
        await setReportPriority(manager, reportId, decision.priority);
      }
      if (registered.count > 0) {
        await appendCaseEvent(manager, target.id, SYSTEM_ACTOR, 'identifiers.added', {
          reportId,
          ...(statementId === undefined ? {} : { statementId }),
          count: registered.count,
          transferredFrom: registered.transferredFrom,
        });
      } else if (report.priority === decision.priority && !suggested) {
        outcome = 'unchanged';
      }
    }

    const updated = await reprioritiseCase(manager, this.config, target, SYSTEM_ACTOR, {
      reportId,
    });
    if (decision.priority === 'P1') {
      // Idempotent on their side: one pending request per (report, destination account).
      await this.money.requestFreezes(manager, target.id, reportId);
    }
    return {
      result: {
        outcome,
        reportId,
        caseId: target.id,
        priority: updated.priority,
        mergeCandidates: candidates.map((c) => c.case_id),
      },
      sla: pendingSlaTimer(updated),
      linkedSubmittedAt: report.case_id === null ? report.submitted_at : undefined,
    };
  }

  /** A single run's locks and reads, in the order lockBatch takes them for a batch. */
  private async lockAndRead(
    manager: EntityManager,
    reportId: string,
  ): Promise<ReportFacts | 'missing'> {
    await lockReportTriage(manager, reportId);
    const report = await queryOne<ReportRow>(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`,
      [reportId],
    );
    if (!report) return 'missing';
    const identifiers = await queryRows<IdentifierKey>(
      manager,
      'SELECT DISTINCT type, value FROM report_identifiers WHERE report_id = $1',
      [reportId],
    );
    await lockIdentifiers(manager, identifiers);
    return { report, identifiers, paidAt: await this.paidAt(manager, reportId) };
  }

  private async owners(manager: EntityManager, ids: readonly IdentifierKey[]): Promise<OwnerRow[]> {
    if (ids.length === 0) return [];
    return queryRows<OwnerRow>(
      manager,
      `SELECT ci.type, ci.value, ci.case_id, c.status, c.number, c.created_at
         FROM case_identifiers ci
         JOIN cases c ON c.id = ci.case_id
        WHERE (ci.type, ci.value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [ids.map((i) => i.type), ids.map((i) => i.value)],
    );
  }

  private async paidAt(manager: EntityManager, reportId: string): Promise<Date[]> {
    const rows = await queryRows<{ paid_at: Date }>(
      manager,
      'SELECT paid_at FROM report_transactions WHERE report_id = $1',
      [reportId],
    );
    return rows.map((r) => r.paid_at);
  }

  private async stillIn(manager: EntityManager, reportId: string, caseId: string) {
    const row = await queryOne<{ case_id: string | null }>(
      manager,
      'SELECT case_id FROM reports WHERE id = $1',
      [reportId],
    );
    return row?.case_id === caseId;
  }

  private async mustLock(manager: EntityManager, caseId: string): Promise<CaseRow> {
    const row = await lockCase(manager, caseId);
    if (!row) throw new StaleReadError(`case ${caseId} vanished`);
    return row;
  }

  private async createCase(
    manager: EntityManager,
    report: ReportRow,
    priority: Priority,
  ): Promise<CaseRow> {
    const number = await nextCaseNumber(manager, this.config.reportingTimeZone);
    const row = await queryOne<CaseRow>(
      manager,
      `INSERT INTO cases (number, region, fraud_type, priority, sla_due_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
       RETURNING ${CASE_ROW_COLUMNS}`,
      [number, report.region, report.fraud_type, priority, this.config.slaMinutes[priority]],
    );
    if (!row) throw new Error('case insert returned no row');
    await appendCaseEvent(manager, row.id, SYSTEM_ACTOR, 'case.created', {
      number,
      region: report.region,
      fraudType: report.fraud_type,
      priority,
      firstReportId: report.id,
    });
    return row;
  }

  /**
   * Gives the target case every identifier of the report that no case owns, and takes over
   * those owned by terminal cases when the target is open (the ring is active again). Those
   * owned by other open cases stay there: that is a merge suggestion, not a silent move.
   */
  private async registerIdentifiers(
    manager: EntityManager,
    target: CaseRow,
    ids: readonly IdentifierKey[],
    owners: readonly OwnerRow[],
  ): Promise<{ count: number; transferredFrom: string[] }> {
    const owned = new Set(owners.map(identifierMapKey));
    const unowned = ids.filter((id) => !owned.has(identifierMapKey(id)));
    const transferable = isTerminal(target.status)
      ? []
      : owners.filter((o) => o.case_id !== target.id && isTerminal(o.status));
    if (unowned.length > 0) {
      // No ON CONFLICT: a conflict here means another transaction broke the locking protocol,
      // and failing (then retrying) is right.
      await manager.query(
        `INSERT INTO case_identifiers (type, value, case_id)
         SELECT t, v, $3 FROM unnest($1::text[], $2::text[]) AS u(t, v)`,
        [unowned.map((i) => i.type), unowned.map((i) => i.value), target.id],
      );
    }
    if (transferable.length > 0) {
      const moved = await queryRows(
        manager,
        `UPDATE case_identifiers SET case_id = $1
          WHERE (type, value, case_id) IN (SELECT * FROM unnest($2::text[], $3::text[], $4::uuid[]))
          RETURNING type`,
        [
          target.id,
          transferable.map((o) => o.type),
          transferable.map((o) => o.value),
          transferable.map((o) => o.case_id),
        ],
      );
      if (moved.length !== transferable.length) throw new StaleReadError('identifier moved');
    }
    return {
      count: unowned.length + transferable.length,
      transferredFrom: [...new Set(transferable.map((o) => o.case_id))],
    };
  }

  /** One suggestion per (target, candidate) pair, however often triage runs. */
  private async suggestMerge(
    manager: EntityManager,
    targetId: string,
    report: ReportRow,
    candidates: readonly OwnerRow[],
  ): Promise<boolean> {
    if (candidates.length === 0) return false;
    const known = await queryRows<{ id: string }>(
      manager,
      `SELECT DISTINCT jsonb_array_elements_text(data -> 'candidateCaseIds') AS id
         FROM case_events WHERE case_id = $1 AND type = 'case.merge_suggested'`,
      [targetId],
    );
    const seen = new Set(known.map((k) => k.id));
    const fresh = candidates.filter((c) => !seen.has(c.case_id));
    if (fresh.length === 0) return false;
    await appendCaseEvent(manager, targetId, SYSTEM_ACTOR, 'case.merge_suggested', {
      reportId: report.id,
      candidateCaseIds: fresh.map((c) => c.case_id),
      candidateNumbers: fresh.map((c) => c.number),
    });
    return true;
  }
}

/** One row per case, oldest case first (ties by number, which is monotonic). */
function uniqueCases(rows: readonly OwnerRow[]): OwnerRow[] {
  const byCase = new Map<string, OwnerRow>();
  for (const row of rows) if (!byCase.has(row.case_id)) byCase.set(row.case_id, row);
  return [...byCase.values()].sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.number.localeCompare(b.number),
  );
}
