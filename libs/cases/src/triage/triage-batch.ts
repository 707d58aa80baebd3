import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Money } from '@app/common';
import type { Priority } from '@app/common';
import type { AppConfig } from '@app/config';
import { queryOne, queryRows } from '@app/database';
import { queueCitizenNotices } from '@app/notices';
import { linkReportsToCases } from '@app/reports';
import { CaseEventType, SYSTEM_ACTOR } from '../shared/case-events';
import { caseEventNotice } from '../shared/case-notices';
import { formatCaseNumber } from '../shared/case-number';
import { CASE_ROW_COLUMNS, CaseRow, pendingSlaTimer } from '../shared/case-rows';
import { identifierMapKey, type IdentifierKey } from '../shared/identifier-locks';
import { StaleReadError } from '../shared/retry';
import { isTerminal } from '../workflow/case-transitions';
import { casePriority, mostUrgent, reportPriority } from './priority';
import type { ReportFacts, TransactionOutcome } from './triage.service';

/** A case as the batch knows it: its row and what reprioritiseCase would read of its reports. */
interface CaseState {
  row: CaseRow;
  /** The most urgent priority of its linked reports, and their count capped at three. */
  mostUrgent: Priority | null;
  atMostThree: number;
  /** Made by this batch and not yet written (its number is taken at the flush). */
  fresh: boolean;
  /** Reports linked to it by this batch since the last flush. */
  added: number;
  /** Priority changes since the last flush (each one `version + 1`, as a run alone does). */
  changes: number;
  /**
   * The shortest SLA, in minutes, of the priorities the case was given since the last flush:
   * the database computes the deadline from it (`now()` or `created_at` plus minutes), to the
   * microsecond, as a run alone does; the in-memory deadline is only good to the millisecond.
   */
  slaMinutes: number | null;
}

interface PendingEvent {
  caseId: string;
  type: CaseEventType;
  data: Record<string, unknown>;
}

interface PendingLink {
  reportId: string;
  caseId: string;
  priority: Priority;
  p1: boolean;
  outcome: 'created' | 'linked';
  submittedAt: Date;
  /** The case's priority right after this report (what a run alone returns). */
  casePriority: Priority;
}

interface OwnerStateRow extends CaseRow {
  type: IdentifierKey['type'];
  value: string;
  most_urgent: Priority | null;
  at_most_three: number;
}

/**
 * The set-based path of a triage batch (TriageService.triageMany): the same decisions as one
 * run per report, in order, made in memory on what the batch's locks protect, then written
 * with one statement per table for the whole batch: one counter update for every new case
 * (numbers stay gap-free: the counter row is locked until commit), one insert each for the
 * cases, identifiers and timeline entries, one update for the linked reports and one for the
 * reprioritised cases. A report whose triage is not the plain case (already linked, a merge
 * candidate, an identifier held by a closed case) flushes what is pending and goes through the
 * per-report path (`alone`), after which the batch reads its state again.
 */
export class TriageBatch {
  private owners = new Map<string, string>();
  private cases = new Map<string, CaseState>();
  private stale = true;
  private now = new Date(0);
  private links: PendingLink[] = [];
  private events: PendingEvent[] = [];
  private newIdentifiers: { type: string; value: string; caseId: string }[] = [];
  private readonly outcomes: TransactionOutcome[] = [];
  /** Where each pending link's outcome goes in `outcomes` once flushed. */
  private readonly slots: number[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly facts: Map<string, ReportFacts>,
    private readonly alone: (
      reportId: string,
      facts: ReportFacts | 'missing',
    ) => Promise<TransactionOutcome>,
    private readonly freezeRequests: (caseId: string, reportId: string) => Promise<void>,
  ) {}

  async run(reportIds: readonly string[]): Promise<TransactionOutcome[]> {
    for (const id of reportIds) {
      const facts = this.facts.get(id);
      if (facts && facts.report.case_id === null) {
        if (this.stale) await this.load();
        if (this.plain(facts)) continue;
      }
      await this.flush();
      this.outcomes.push(await this.alone(id, facts ?? 'missing'));
      this.stale = true;
    }
    await this.flush();
    return this.outcomes;
  }

  /** Owners of every identifier of the batch, their cases' rows and report facts. */
  private async load(): Promise<void> {
    const ids = [...this.facts.values()].flatMap((f) => f.identifiers);
    const rows = await queryRows<OwnerStateRow & { tx_now: Date }>(
      this.manager,
      `SELECT now() AS tx_now, o.type, o.value, c.*,
              (SELECT priority FROM reports WHERE case_id = c.id AND priority IS NOT NULL
                ORDER BY priority LIMIT 1) AS most_urgent,
              (SELECT count(*)::int FROM (SELECT 1 FROM reports WHERE case_id = c.id LIMIT 3) t)
                AS at_most_three
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT type, value, case_id FROM case_identifiers
            WHERE (type, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))) o ON true
         LEFT JOIN LATERAL (SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE id = o.case_id) c ON true`,
      [ids.map((i) => i.type), ids.map((i) => i.value)],
    );
    this.now = rows[0].tx_now;
    this.owners.clear();
    this.cases.clear();
    for (const { tx_now: _now, type, value, most_urgent, at_most_three, ...row } of rows) {
      if (type === null || row.id === null) continue;
      this.owners.set(identifierMapKey({ type, value }), row.id);
      if (!this.cases.has(row.id)) {
        const state: CaseState = {
          row,
          mostUrgent: most_urgent,
          atMostThree: at_most_three,
          fresh: false,
          added: 0,
          changes: 0,
          slaMinutes: null,
        };
        this.cases.set(row.id, state);
      }
    }
    this.stale = false;
  }

  /**
   * Decides and queues a first triage that needs no merge suggestion and takes over no
   * identifier: its identifiers are unowned or owned by exactly one open case. False (nothing
   * queued) for anything else.
   */
  private plain({ report, identifiers, paidAt }: ReportFacts): boolean {
    const ownerIds = new Set<string>();
    for (const id of identifiers) {
      const owner = this.owners.get(identifierMapKey(id));
      if (owner !== undefined) ownerIds.add(owner);
    }
    if (ownerIds.size > 1) return false;
    const existing = ownerIds.size === 1 ? this.cases.get([...ownerIds][0]) : undefined;
    if (existing && (isTerminal(existing.row.status) || existing.row.merged_into_id !== null)) {
      return false;
    }
    const decision = reportPriority({
      ageGroup: report.age_group,
      lossTiyn: Money.fromDb(report.loss_tiyn),
      submittedAt: report.submitted_at,
      paidAt,
    });
    const target = existing ?? this.createCase(report, decision.priority);
    const caseId = target.row.id;
    for (const id of identifiers) {
      if (this.owners.has(identifierMapKey(id))) continue;
      this.owners.set(identifierMapKey(id), caseId);
      this.newIdentifiers.push({ type: id.type, value: id.value, caseId });
    }
    this.events.push({
      caseId,
      type: 'report.linked',
      data: {
        reportId: report.id,
        reference: report.reference,
        priority: decision.priority,
        reasons: decision.reasons,
        identifiers: identifiers.length,
        transferredFrom: [],
      },
    });
    target.added++;
    this.reprioritise(target, decision.priority, report.id);
    this.slots.push(this.outcomes.length);
    this.outcomes.push(undefined as unknown as TransactionOutcome);
    this.links.push({
      reportId: report.id,
      caseId,
      priority: decision.priority,
      p1: decision.priority === 'P1',
      outcome: existing ? 'linked' : 'created',
      submittedAt: report.submitted_at,
      casePriority: target.row.priority,
    });
    return true;
  }

  private createCase(report: ReportFacts['report'], priority: Priority): CaseState {
    const row: CaseRow = {
      id: randomUUID(),
      number: '',
      region: report.region,
      fraud_type: report.fraud_type,
      status: 'open',
      priority,
      assignee_id: null,
      first_claimed_at: null,
      sla_due_at: new Date(this.now.getTime() + this.config.slaMinutes[priority] * 60_000),
      sla_breached_at: null,
      merged_into_id: null,
      created_at: this.now,
    };
    const state: CaseState = {
      row,
      mostUrgent: null,
      atMostThree: 0,
      fresh: true,
      added: 0,
      changes: 0,
      slaMinutes: this.config.slaMinutes[priority],
    };
    this.cases.set(row.id, state);
    this.events.push({
      caseId: row.id,
      type: 'case.created',
      // `number` is filled in at the flush, when the counter is taken (the key keeps its place).
      data: {
        number: '',
        region: report.region,
        fraudType: report.fraud_type,
        priority,
        firstReportId: report.id,
      },
    });
    return state;
  }

  /** reprioritiseCase's rule, on the batch's knowledge of the case (see reprioritise.ts). */
  private reprioritise(state: CaseState, reportPriorityNow: Priority, reportId: string): void {
    state.mostUrgent = state.mostUrgent
      ? mostUrgent(state.mostUrgent, reportPriorityNow)
      : reportPriorityNow;
    state.atMostThree = Math.min(3, state.atMostThree + 1);
    const row = state.row;
    if (row.priority === 'P1') return;
    const next = mostUrgent(row.priority, casePriority([state.mostUrgent], state.atMostThree));
    if (next === row.priority) return;
    const due =
      row.first_claimed_at === null && row.sla_breached_at === null
        ? new Date(
            Math.min(
              row.sla_due_at.getTime(),
              row.created_at.getTime() + this.config.slaMinutes[next] * 60_000,
            ),
          )
        : row.sla_due_at;
    const from = row.priority;
    state.row = { ...row, priority: next, sla_due_at: due };
    state.changes++;
    state.slaMinutes = Math.min(state.slaMinutes ?? Infinity, this.config.slaMinutes[next]);
    this.events.push({
      caseId: row.id,
      type: 'case.reprioritised',
      // reportCount is the case's whole count: filled in at the flush for an existing case.
      data: {
        from,
        to: next,
        reportCount: state.fresh ? state.added : -state.added,
        slaDueAt: due.toISOString(),
        reportId,
      },
    });
  }

  /** Writes everything queued since the last flush, one statement per table. */
  private async flush(): Promise<void> {
    if (this.links.length === 0) return;
    const m = this.manager;
    const fresh = [...this.cases.values()].filter((c) => c.fresh);
    const changed = [...this.cases.values()].filter((c) => !c.fresh && c.changes > 0);
    if (fresh.length > 0) {
      const counter = await queryOne<{ year: number; last_value: number }>(
        m,
        `INSERT INTO case_counters (year, last_value)
         VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE $1)::int, $2)
         ON CONFLICT (year) DO UPDATE SET last_value = case_counters.last_value + $2
         RETURNING year, last_value`,
        [this.config.reportingTimeZone, fresh.length],
      );
      if (!counter) throw new Error('case counter returned no row');
      const first = counter.last_value - fresh.length + 1;
      fresh.forEach((c, i) => (c.row.number = formatCaseNumber(counter.year, first + i)));
      for (const e of this.events) {
        if (e.type === 'case.created') e.data.number = this.cases.get(e.caseId)!.row.number;
      }
      const inserted = await queryRows<CaseRow>(
        m,
        `INSERT INTO cases (id, number, region, fraud_type, priority, sla_due_at, version)
         SELECT id, number, region, fraud_type, priority, now() + make_interval(mins => mins),
                version
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[],
                       $7::int[]) AS u(id, number, region, fraud_type, priority, mins, version)
         RETURNING ${CASE_ROW_COLUMNS}`,
        [
          fresh.map((c) => c.row.id),
          fresh.map((c) => c.row.number),
          fresh.map((c) => c.row.region),
          fresh.map((c) => c.row.fraud_type),
          fresh.map((c) => c.row.priority),
          fresh.map((c) => c.slaMinutes),
          fresh.map((c) => 1 + c.changes),
        ],
      );
      for (const row of inserted) this.cases.get(row.id)!.row = row;
    }
    if (this.newIdentifiers.length > 0) {
      // No ON CONFLICT, as in the per-report path: a conflict means the locking protocol broke.
      await m.query(
        `INSERT INTO case_identifiers (type, value, case_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])`,
        [
          this.newIdentifiers.map((i) => i.type),
          this.newIdentifiers.map((i) => i.value),
          this.newIdentifiers.map((i) => i.caseId),
        ],
      );
    }
    if (changed.length > 0) {
      const counts = await queryRows<{ case_id: string; n: number }>(
        m,
        `SELECT case_id, count(*)::int AS n FROM reports WHERE case_id = ANY($1::uuid[])
          GROUP BY case_id`,
        [changed.map((c) => c.row.id)],
      );
      const before = new Map(counts.map((c) => [c.case_id, c.n]));
      for (const e of this.events) {
        const n = e.data.reportCount;
        if (e.type === 'case.reprioritised' && typeof n === 'number' && n < 0) {
          e.data.reportCount = (before.get(e.caseId) ?? 0) - n;
        }
      }
      const updated = await queryRows<CaseRow>(
        m,
        `UPDATE cases c SET priority = u.priority,
                sla_due_at = CASE
                  WHEN c.first_claimed_at IS NULL AND c.sla_breached_at IS NULL
                  THEN LEAST(c.sla_due_at, c.created_at + make_interval(mins => u.mins))
                  ELSE c.sla_due_at END,
                updated_at = now(), version = c.version + u.changes
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[])
                AS u(id, priority, mins, changes)
          WHERE c.id = u.id
          RETURNING ${CASE_ROW_COLUMNS.split(',')
            .map((col) => `c.${col.trim()}`)
            .join(', ')}`,
        [
          changed.map((c) => c.row.id),
          changed.map((c) => c.row.priority),
          changed.map((c) => c.slaMinutes),
          changed.map((c) => c.changes),
        ],
      );
      if (updated.length !== changed.length) throw new StaleReadError('case vanished');
      for (const row of updated) this.cases.get(row.id)!.row = row;
    }
    const linked = await linkReportsToCases(m, this.links);
    if (linked.length !== this.links.length) throw new StaleReadError('report already linked');
    await this.writeEvents();
    for (const link of this.links) {
      // Idempotent on their side: one pending request per (report, destination account).
      if (link.p1) await this.freezeRequests(link.caseId, link.reportId);
    }
    this.links.forEach((link, i) => {
      const row = this.cases.get(link.caseId)!.row;
      this.outcomes[this.slots[i]] = {
        result: {
          outcome: link.outcome,
          reportId: link.reportId,
          caseId: link.caseId,
          priority: link.casePriority,
          mergeCandidates: [],
        },
        sla: pendingSlaTimer(row),
        linkedSubmittedAt: link.submittedAt,
      };
    });
    this.links = [];
    this.events = [];
    this.newIdentifiers = [];
    this.slots.length = 0;
    for (const c of this.cases.values()) {
      c.fresh = false;
      c.added = 0;
      c.changes = 0;
      c.slaMinutes = null;
    }
  }

  /** Timeline entries in decision order (ids follow it), and the notices they cause. */
  private async writeEvents(): Promise<void> {
    const inserted = await queryRows<{ id: string }>(
      this.manager,
      `INSERT INTO case_events (case_id, actor_id, actor_kind, type, public, data)
       SELECT e.case_id, NULL, $2, e.type, false, e.data
         FROM unnest($1::jsonb[]) WITH ORDINALITY AS j(doc, ord)
        CROSS JOIN LATERAL (SELECT (j.doc ->> 'caseId')::uuid AS case_id, j.doc ->> 'type' AS type,
                                   j.doc -> 'data' AS data) e
        ORDER BY j.ord
       RETURNING id`,
      [this.events.map((e) => JSON.stringify(e)), SYSTEM_ACTOR.kind],
    );
    const ids = inserted.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [i, e] of this.events.entries()) {
      const status = e.type === 'report.linked' ? this.cases.get(e.caseId)!.row.status : null;
      const notice = caseEventNotice(e.caseId, e.type, e.data, status);
      if (notice) {
        await queueCitizenNotices(this.manager, { caseEventId: String(ids[i]), ...notice });
      }
    }
  }
}
