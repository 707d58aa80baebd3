import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TriageResult, TriageService } from '@app/cases';
import {
  hoursFromNow,
  startDeployment,
  submitReport,
  SubmittedReport,
  TestDeployment,
  uniqueIban,
  uniqueSuspectPhone,
  uniqueUrl,
  validReportBody,
} from '@app/testing';

/** One report of the scenario: its suspects and what makes its priority and stats keys. */
interface Spec {
  suspects: { type: string; value: string }[];
  region?: string;
  fraudType?: string;
  ageGroup?: string;
  /** Paid an hour ago: P1, and a freeze request for the destination account. */
  paidRecently?: boolean;
}

const body = (spec: Spec, iban: string) =>
  validReportBody({
    reporter: { region: spec.region ?? 'almaty_city', ageGroup: spec.ageGroup ?? 'adult' },
    incident: { fraudType: spec.fraudType ?? 'online_purchase' },
    transactions: spec.paidRecently
      ? [{ paidAt: hoursFromNow(-1), amount: '80000.00', method: 'bank_transfer', toAccount: iban }]
      : [],
    suspects: spec.suspects,
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * What triage left in a deployment, with every id, reference and time made comparable across
 * two databases: reports by their position in the scenario, cases by number, times as
 * milliseconds after their case's creation.
 */
class Normaliser {
  private readonly names = new Map<string, string>();

  constructor(reports: readonly SubmittedReport[]) {
    reports.forEach((r, i) => {
      this.names.set(r.id, `report#${i}`);
      this.names.set(r.reference, `report#${i}`);
    });
  }

  nameCase(id: string, number: string): void {
    this.names.set(id, number);
  }

  value(v: unknown, createdAt = 0): unknown {
    if (typeof v === 'string') {
      if (this.names.has(v)) return this.names.get(v);
      if (UUID.test(v)) return 'unknown-id';
      if (ISO.test(v)) return `+${Date.parse(v) - createdAt} ms`;
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x, createdAt));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, this.value(x, createdAt)]),
      );
    }
    return v;
  }
}

async function snapshot(d: TestDeployment, reports: SubmittedReport[], results: TriageResult[]) {
  const db = d.api.get(DataSource);
  const names = new Normaliser(reports);
  const cases = (await db.query(
    `SELECT id, number, region, fraud_type, status, priority, version, merged_into_id,
            (sla_due_at - created_at)::text AS sla_after,
            created_at
       FROM cases ORDER BY number`,
  )) as Record<string, unknown>[];
  for (const c of cases) names.nameCase(c.id as string, c.number as string);
  const created = new Map(cases.map((c) => [c.id as string, (c.created_at as Date).getTime()]));
  const events = (await db.query(
    `SELECT e.case_id, e.type, e.actor_kind, e.public, e.data
       FROM case_events e JOIN cases c ON c.id = e.case_id ORDER BY c.number, e.id`,
  )) as { case_id: string; data: unknown }[];
  return {
    outcomes: names.value(results),
    reports: names.value(
      await db.query(`SELECT id, case_id, priority FROM reports ORDER BY submitted_at, id`),
    ),
    cases: names.value(cases.map(({ id: _id, created_at: _at, ...c }) => c)),
    identifiers: names.value(
      await db.query(`SELECT case_id, type, value FROM case_identifiers ORDER BY type, value`),
    ),
    events: events.map((e) => names.value(e, created.get(e.case_id))),
    notices: names.value(
      await db.query(
        `SELECT n.report_id, n.kind, n.channel, e.type AS cause
           FROM citizen_notices n JOIN case_events e ON e.id = n.case_event_id
           JOIN reports r ON r.id = n.report_id
          ORDER BY r.submitted_at, n.kind, n.channel`,
      ),
    ),
    freezeRequests: names.value(
      await db.query(
        `SELECT f.case_id, f.report_id, f.status
           FROM freeze_requests f JOIN reports r ON r.id = f.report_id
          ORDER BY r.submitted_at, f.account_hash`,
      ),
    ),
    rollups: names.value(
      await db.query(
        `SELECT r.case_id, r.report_count, r.loss_tiyn, r.identifier_count, c.number
           FROM case_rollups r JOIN cases c ON c.id = r.case_id ORDER BY c.number`,
      ),
    ),
    identifierRollups: names.value(
      await db.query(
        `SELECT r.case_id, r.type, r.value, r.report_count
           FROM case_identifier_rollups r JOIN cases c ON c.id = r.case_id
          ORDER BY r.type, r.value, c.number`,
      ),
    ),
    stats: await db.query(
      `SELECT region, fraud_type, cases_opened::int FROM stats_daily_cases
        ORDER BY region, fraud_type`,
    ),
  };
}

/**
 * The batch path of triage (TriageService.triageMany: plain first triages decided in memory and
 * written set-based, the others run per report inside the batch) must leave exactly what one
 * `triage` per report, in order, leaves: the same cases with the same numbers, priorities, SLA
 * deadlines and versions, the same owners of identifiers, timeline entries, citizen notices,
 * freeze requests, per-case rollups and daily totals. Two deployments get the same reports; one
 * triages the batch in one call, the other one report at a time; the two are compared whole.
 */
describe('cases: a triage batch decides as one triage per report would', () => {
  const phone = () => ({ type: 'phone', value: uniqueSuspectPhone() });
  const [a, b, c, d4, e, closed, open, review, linked] = Array.from({ length: 9 }, phone);
  const url = { type: 'url', value: uniqueUrl() };
  const iban = uniqueIban();

  /** Triaged one at a time before the batch; then the first is closed and the third in review. */
  const before: Spec[] = [
    { suspects: [closed] },
    { suspects: [open], region: 'astana' },
    { suspects: [review] },
    { suspects: [linked], fraudType: 'phishing' },
  ];
  const batch: Spec[] = [
    { suspects: [a] }, // a new case
    { suspects: [a, url] }, // joins it, plain
    { suspects: [b], region: 'shymkent' }, // another new case
    { suspects: [b, a] }, // two open owners: a merge suggestion, run alone
    { suspects: [a] }, // plain again after the batch re-read its owners
    { suspects: [closed] }, // a closed case's identifier: taken over by a new case
    { suspects: [open], region: 'astana' }, // joins an open case made before the batch
    { suspects: [open], region: 'astana' }, // its third report: reprioritised
    { suspects: [open], region: 'astana', ageGroup: 'senior' },
    { suspects: [c], paidRecently: true }, // P1: a freeze request
    { suspects: [review] }, // into a case in review: a citizen notice
    { suspects: [d4], region: 'karaganda', fraudType: 'investment_scam' },
    { suspects: [d4, { type: 'email', value: `batch${randomInt(1e9)}@mail.kz` }] },
    { suspects: [e, d4], fraudType: 'romance' }, // a new identifier for an existing case
  ];

  const deployments: TestDeployment[] = [];
  afterAll(async () => {
    for (const dep of deployments) await dep.close();
  });

  async function run(label: string, batched: boolean) {
    const dep = await startDeployment({
      label,
      worker: false,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    deployments.push(dep);
    const triage = dep.api.get(TriageService);
    const db = dep.api.get(DataSource);
    const reports: SubmittedReport[] = [];
    for (const spec of before) {
      const filed = await submitReport(dep, body(spec, iban));
      reports.push(filed);
      await triage.triage(filed.id);
    }
    await db.query(
      `UPDATE cases SET status = 'closed', close_reason = 'unfounded'
        WHERE id = (SELECT case_id FROM reports WHERE id = $1)`,
      [reports[0].id],
    );
    await db.query(
      `UPDATE cases SET status = 'in_review' WHERE id = (SELECT case_id FROM reports WHERE id = $1)`,
      [reports[2].id],
    );
    for (const spec of batch) reports.push(await submitReport(dep, body(spec, iban)));
    // The batch also holds a report already in a case, and one report twice.
    const ids = [...reports.slice(before.length).map((r) => r.id), reports[3].id];
    let results: TriageResult[];
    if (batched) {
      const settled = await triage.triageMany([...ids, ids[0]]);
      const values = settled.map((s) => {
        if (s.status === 'rejected') throw s.reason;
        return s.value;
      });
      expect(values[values.length - 1]).toEqual(values[0]);
      results = values.slice(0, ids.length);
    } else {
      results = [];
      for (const id of ids) results.push(await triage.triage(id));
    }
    return snapshot(dep, reports, results);
  }

  it('leaves the same cases, owners, timeline, notices, freeze requests and totals', async () => {
    const alone = await run('triage-alone', false);
    const batched = await run('triage-batch', true);
    // The scenario reaches every branch it names, else the comparison proves little.
    const outcomes = (alone.outcomes as { outcome: string }[]).map((o) => o.outcome);
    expect(outcomes).toEqual([
      'created',
      'linked',
      'created',
      'linked',
      'linked',
      'created',
      'linked',
      'linked',
      'linked',
      'created',
      'linked',
      'created',
      'linked',
      'linked',
      'unchanged',
    ]);
    const types = new Set((alone.events as { type: string }[]).map((e) => e.type));
    expect([...types].sort()).toEqual([
      'case.created',
      'case.merge_suggested',
      'case.reprioritised',
      'report.linked',
    ]);
    expect(alone.notices).not.toEqual([]);
    expect(alone.freezeRequests).not.toEqual([]);

    expect(batched).toEqual(alone);
  });
});
