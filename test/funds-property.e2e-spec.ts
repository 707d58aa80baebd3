import fc from 'fast-check';
import { Money } from '@app/common';
import {
  caseOf,
  createStaff,
  fileReport,
  FROZEN_SQL,
  NET_REIMBURSED_SQL,
  reportInCase,
  sql,
  startDeployment,
  submitReport,
  TestDeployment,
  TestStaff,
  uniquePhone,
  validReportBody,
} from '@app/testing';

/**
 * Property: any sequence of freezes, releases, reimbursements, reversals, pyramid flags,
 * takedowns and loan write-offs, sent through the
 * HTTP API, (1) gets exactly the status a simple model of the invariants predicts, and (2)
 * leaves every total the API reports (GET /cases/{id}/funds, GET /stats/summary) equal to an
 * independent recomputation from the raw ledger rows (read with plain SQL, summed here, days
 * taken with ICU's Asia/Almaty rather than PostgreSQL's).
 */

const ZONE = 'Asia/Almaty';
const localDate = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Op =
  | {
      kind: 'freeze';
      caseIdx: number;
      reportSel: number | null;
      tiyn: number;
      abroad: boolean;
      ago: number;
    }
  | { kind: 'release'; sel: number; tiyn: number; victim: boolean; reportSel: number }
  | { kind: 'reimburse'; reportSel: number; tiyn: number; ago: number; wrongCase: boolean }
  | { kind: 'reverse'; sel: number }
  | { kind: 'flag'; caseIdx: number; withdraw: boolean }
  | { kind: 'loan'; request: number; outcome: 'written_off' | 'refused' | null; amount: number }
  | {
      kind: 'takedown';
      caseIdx: number;
      what: TakedownWhat;
      outcome: 'blocked' | 'refused' | null;
      ago: number;
    };

const TAKEDOWN_WHATS = ['messenger_chat', 'website', 'social_profile', 'phone_number'] as const;
type TakedownWhat = (typeof TAKEDOWN_WHATS)[number];
const takedownIdentifier = (what: TakedownWhat) => {
  const tag = Math.random().toString(36).slice(2, 10);
  if (what === 'phone_number') return { type: 'phone', value: uniquePhone() };
  if (what === 'social_profile') return { type: 'social_profile', value: `instagram.com/${tag}` };
  return { type: 'url', value: what === 'website' ? `https://${tag}.kz/` : `t.me/${tag}` };
};

const ago = fc.integer({ min: 0, max: 60 * 24 * 45 }); // minutes, up to 45 days back
const tiyn = fc.integer({ min: 1, max: 60_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('freeze' as const),
    caseIdx: fc.integer({ min: 0, max: 1 }),
    reportSel: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    tiyn,
    abroad: fc.boolean(),
    ago,
  }),
  fc.record({
    kind: fc.constant('release' as const),
    sel: fc.nat(),
    tiyn,
    victim: fc.boolean(),
    reportSel: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('reimburse' as const),
    reportSel: fc.integer({ min: 0, max: 2 }),
    tiyn,
    ago,
    wrongCase: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('reverse' as const), sel: fc.nat() }),
  fc.record({
    kind: fc.constant('flag' as const),
    caseIdx: fc.integer({ min: 0, max: 1 }),
    withdraw: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('loan' as const),
    request: fc.integer({ min: 1, max: 40_000 }),
    outcome: fc.constantFrom('written_off' as const, 'refused' as const, null),
    amount: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({
    kind: fc.constant('takedown' as const),
    caseIdx: fc.integer({ min: 0, max: 1 }),
    what: fc.constantFrom(...TAKEDOWN_WHATS),
    outcome: fc.constantFrom('blocked' as const, 'refused' as const, null),
    ago,
  }),
);

interface ModelReport {
  id: string;
  caseIdx: number;
  loss: bigint;
  net: bigint;
  frozen: bigint;
}

describe('funds: random operation sequences agree with the raw ledger', () => {
  let d: TestDeployment;
  let staff: TestStaff;
  const cases: string[] = [];
  const reports: ModelReport[] = [];
  const freezes: Array<{ id: string; caseIdx: number; amount: bigint; released: bigint }> = [];
  const reimbursements: Array<{ id: string; reversed: boolean }> = [];
  const flagged = [false, false];
  /** The fake_loan report of case 2 and its live write-off (requested or written off). */
  let loanReference = '';
  let liveWriteoff: { id: string; requested: number; answered: boolean } | null = null;

  beforeAll(async () => {
    d = await startDeployment({ label: 'funds-property', worker: true });
    staff = await createStaff(d, { role: 'supervisor', region: null });
    const shared = uniquePhone();
    // Paid before every operation's date (up to 45 days back): nothing is frozen or reimbursed
    // before the money left (docs/money.md, "Dates").
    const paidHoursAgo = 24 * 46;
    const a1 = await reportInCase(d, {
      paidHoursAgo,
      region: 'almaty_city',
      amounts: ['1000.00'],
      sharedPhone: shared,
    });
    const a2 = await fileReport(d, {
      paidHoursAgo,
      region: 'astana',
      fraudType: 'phishing',
      amounts: ['500.00'],
      sharedPhone: shared,
    });
    expect(await caseOf(d, a2.id)).toBe(a1.caseId);
    const b1 = await reportInCase(d, {
      paidHoursAgo,
      region: 'astana',
      fraudType: 'romance',
      amounts: ['800.00'],
    });
    // A loan in the victim's name (case 2, no payments): the loan write-off operations' report.
    const c1 = await submitReport(
      d,
      validReportBody({
        reporter: { region: 'almaty_city' },
        incident: { fraudType: 'fake_loan' },
        transactions: [],
        suspects: [{ type: 'phone', value: uniquePhone() }],
        loan: {
          lender: 'МФО',
          contractNumber: 'P-1',
          amount: '300.00',
          issuedAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      }),
    );
    loanReference = c1.reference;
    cases.push(a1.caseId, b1.caseId, await caseOf(d, c1.id));
    reports.push(
      { id: a1.report.id, caseIdx: 0, loss: 100_000n, net: 0n, frozen: 0n },
      { id: a2.id, caseIdx: 0, loss: 50_000n, net: 0n, frozen: 0n },
      { id: b1.report.id, caseIdx: 1, loss: 80_000n, net: 0n, frozen: 0n },
      { id: c1.id, caseIdx: 2, loss: 30_000n, net: 0n, frozen: 0n },
    );
  }, 120_000);
  afterAll(async () => d?.close());

  const money = (t: bigint | number) => Money.format(BigInt(t));
  const when = (minutesAgo: number) =>
    new Date(Date.now() - minutesAgo * 60_000 - 5_000).toISOString();

  /** Sends one operation and returns the status the model expected and the one received. */
  async function apply(op: Op): Promise<[number, number] | null> {
    switch (op.kind) {
      case 'freeze': {
        const report = op.reportSel === null ? null : reports[op.reportSel];
        const fits = report === null || report.caseIdx === op.caseIdx;
        const res = await staff.api.post(`/cases/${cases[op.caseIdx]}/freezes`, {
          bank: 'Halyk Bank',
          account: uniquePhone(),
          amount: money(op.tiyn),
          frozenAt: when(op.ago),
          stage: op.abroad ? 'withdrawal_abroad' : 'domestic',
          ...(report ? { reportId: report.id } : {}),
        });
        if (res.status === 201) {
          freezes.push({
            id: res.body.id,
            caseIdx: op.caseIdx,
            amount: BigInt(op.tiyn),
            released: 0n,
          });
          if (report) report.frozen += BigInt(op.tiyn);
        }
        return [fits ? 201 : 409, res.status];
      }
      case 'release': {
        if (freezes.length === 0) return null;
        const freeze = freezes[op.sel % freezes.length];
        const report = reports[op.reportSel];
        const amount = BigInt(op.tiyn);
        const ok =
          amount <= freeze.amount - freeze.released &&
          (!op.victim || (report.caseIdx === freeze.caseIdx && report.net + amount <= report.loss));
        const res = await staff.api.post(`/freezes/${freeze.id}/releases`, {
          amount: money(op.tiyn),
          to: op.victim ? 'victim' : 'holder',
          ...(op.victim ? { reportId: report.id } : {}),
        });
        if (res.status === 201) {
          freeze.released += amount;
          if (op.victim) {
            report.net += amount;
            reimbursements.push({ id: res.body.reimbursementId, reversed: false });
          }
        }
        return [ok ? 201 : 409, res.status];
      }
      case 'reimburse': {
        const report = reports[op.reportSel];
        const caseIdx = op.wrongCase ? 1 - report.caseIdx : report.caseIdx;
        const amount = BigInt(op.tiyn);
        const ok = !op.wrongCase && report.net + amount <= report.loss;
        const res = await staff.api.post(`/cases/${cases[caseIdx]}/reimbursements`, {
          reportId: report.id,
          amount: money(op.tiyn),
          source: 'bank_compensation',
          paidAt: when(op.ago),
        });
        if (res.status === 201) {
          report.net += amount;
          reimbursements.push({ id: res.body.id, reversed: false });
        }
        return [ok ? 201 : 409, res.status];
      }
      case 'flag': {
        const caseId = cases[op.caseIdx];
        if (op.withdraw) {
          const res = await staff.api.delete(`/cases/${caseId}/flags/financial_pyramid`);
          if (res.status === 204) flagged[op.caseIdx] = false;
          return [flagged[op.caseIdx] || res.status === 204 ? 204 : 404, res.status];
        }
        const res = await staff.api.post(`/cases/${caseId}/flags`, { flag: 'financial_pyramid' });
        const expected = flagged[op.caseIdx] ? 409 : 201;
        if (res.status === 201) flagged[op.caseIdx] = true;
        return [expected, res.status];
      }
      case 'loan': {
        if (liveWriteoff === null) {
          const res = await staff.api.post(`/reports/${loanReference}/loan-writeoffs`, {
            amount: money(op.request),
          });
          if (res.status === 201) {
            liveWriteoff = { id: res.body.id, requested: op.request, answered: false };
          }
          if (res.status !== 201 || op.outcome === null) return [201, res.status];
        } else if (liveWriteoff.answered || op.outcome === null) {
          const res = await staff.api.post(`/reports/${loanReference}/loan-writeoffs`, {});
          return [409, res.status];
        }
        const target = liveWriteoff as { id: string; requested: number; answered: boolean } | null;
        if (target === null) return null;
        const res = await staff.api.post(`/loan-writeoffs/${target.id}/outcome`, {
          outcome: op.outcome,
          // Not before the request, which the API stamped just now.
          at: new Date().toISOString(),
          ...(op.outcome === 'written_off' ? { amount: money(op.amount) } : {}),
        });
        const fits = op.outcome === 'refused' || op.amount <= target.requested;
        if (res.status === 200) {
          if (op.outcome === 'refused') liveWriteoff = null;
          else target.answered = true;
        }
        return [fits ? 200 : 409, res.status];
      }
      case 'takedown': {
        const res = await staff.api.post(`/cases/${cases[op.caseIdx]}/takedowns`, {
          kind: op.what,
          identifier: takedownIdentifier(op.what),
          platform: 'Telegram',
          requestedAt: when(op.ago + 60),
        });
        if (res.status !== 201 || op.outcome === null) return [201, res.status];
        const outcome = await staff.api.post(`/takedowns/${res.body.id}/outcome`, {
          outcome: op.outcome,
          at: when(op.ago),
        });
        return [200, outcome.status];
      }
      case 'reverse': {
        if (reimbursements.length === 0) return null;
        const target = reimbursements[op.sel % reimbursements.length];
        const res = await staff.api.post(`/reimbursements/${target.id}/reverse`, {
          reason: 'property test',
        });
        if (res.status === 200) {
          target.reversed = true;
          const [row] = await sql<{ report_id: string; amount_tiyn: string }>(
            d,
            'SELECT report_id, amount_tiyn::text FROM reimbursements WHERE id = $1',
            [target.id],
          );
          reports.find((r) => r.id === row.report_id)!.net -= BigInt(row.amount_tiyn);
        }
        return [target.reversed && res.status !== 200 ? 409 : 200, res.status];
      }
    }
  }

  /** Every figure of GET /stats/summary, recomputed from raw rows for a period and filters. */
  async function rawFigures(from: string, to: string, region?: string) {
    const inPeriod = (at: Date) => {
      const day = localDate(at);
      return day >= from && day < to;
    };
    const reportRows = await sql<{ submitted_at: Date; region: string; loss_tiyn: string }>(
      d,
      'SELECT submitted_at, region, loss_tiyn::text FROM reports',
    );
    const caseRows = await sql<{
      id: string;
      region: string;
      created_at: Date;
      merged_into_id: string | null;
    }>(d, 'SELECT id, region, created_at, merged_into_id FROM cases');
    const caseRegion = new Map(caseRows.map((c) => [c.id, c.region]));
    const inRegion = (caseId: string) => region === undefined || caseRegion.get(caseId) === region;
    const freezeRows = await sql<{
      case_id: string;
      amount_tiyn: string;
      frozen_at: Date;
      stage: string;
    }>(d, 'SELECT case_id, amount_tiyn::text, frozen_at, stage FROM freezes');
    const reimbursementRows = await sql<{
      id: string;
      case_id: string;
      amount_tiyn: string;
      paid_at: Date;
    }>(d, 'SELECT id, case_id, amount_tiyn::text, paid_at FROM reimbursements');
    const reversed = new Set(
      (
        await sql<{ reimbursement_id: string }>(
          d,
          'SELECT reimbursement_id FROM reimbursement_reversals',
        )
      ).map((r) => r.reimbursement_id),
    );
    const flagRows = await sql<{ case_id: string; set_at: Date }>(
      d,
      `SELECT case_id, set_at FROM case_flags
        WHERE flag = 'financial_pyramid' AND withdrawn_at IS NULL`,
    );
    const blockedRows = await sql<{ case_id: string; kind: string; outcome_at: Date }>(
      d,
      `SELECT case_id, kind, outcome_at FROM takedowns WHERE outcome = 'blocked'`,
    );
    const writtenOff = await sql<{ case_id: string; outcome_at: Date; tiyn: string }>(
      d,
      `SELECT r.case_id, w.outcome_at, w.written_off_tiyn::text AS tiyn
         FROM loan_writeoffs w JOIN reports r ON r.id = w.report_id
        WHERE w.outcome = 'written_off'`,
    );
    const loans = writtenOff.filter((w) => inPeriod(w.outcome_at) && inRegion(w.case_id));
    const blocked = (kinds: string[]) =>
      blockedRows.filter(
        (t) => kinds.includes(t.kind) && inPeriod(t.outcome_at) && inRegion(t.case_id),
      ).length;
    const sum = (values: string[]) => values.reduce((s, v) => s + BigInt(v), 0n);
    const rep = reportRows.filter(
      (r) => inPeriod(r.submitted_at) && (region === undefined || r.region === region),
    );
    const frz = freezeRows.filter((f) => inPeriod(f.frozen_at) && inRegion(f.case_id));
    const rmb = reimbursementRows.filter(
      (r) => !reversed.has(r.id) && inPeriod(r.paid_at) && inRegion(r.case_id),
    );
    return {
      reportsReceived: rep.length,
      damageReported: money(sum(rep.map((r) => r.loss_tiyn))),
      casesOpened: caseRows.filter(
        (c) => c.merged_into_id === null && inPeriod(c.created_at) && inRegion(c.id),
      ).length,
      frozenTotal: money(sum(frz.map((f) => f.amount_tiyn))),
      frozenAbroadTotal: money(
        sum(frz.filter((f) => f.stage === 'withdrawal_abroad').map((f) => f.amount_tiyn)),
      ),
      reimbursedTotal: money(sum(rmb.map((r) => r.amount_tiyn))),
      pyramidsDetected: flagRows.filter((f) => inPeriod(f.set_at) && inRegion(f.case_id)).length,
      chatsClosed: blocked(['messenger_chat']),
      linksBlocked: blocked(['website', 'social_profile']),
      numbersBlocked: blocked(['phone_number']),
      loansWrittenOffCount: loans.length,
      loansWrittenOffTotal: money(sum(loans.map((w) => w.tiyn))),
    };
  }

  async function checkEverything(): Promise<void> {
    // Invariants straight from the tables.
    const broken = await sql(
      d,
      `SELECT id FROM freezes WHERE released_tiyn > amount_tiyn OR released_tiyn <> (
         SELECT coalesce(sum(amount_tiyn), 0) FROM freeze_releases l WHERE l.freeze_id = freezes.id)
       UNION ALL
       SELECT p.id FROM reports p WHERE ${NET_REIMBURSED_SQL} > p.loss_tiyn`,
    );
    expect(broken).toEqual([]);

    // Funds endpoint = model = raw rows.
    for (const [idx, caseId] of cases.entries()) {
      const funds = (await staff.api.get(`/cases/${caseId}/funds`).expect(200)).body;
      const mine = reports.filter((r) => r.caseIdx === idx);
      const caseFreezes = freezes.filter((f) => f.caseIdx === idx);
      const frozen = caseFreezes.reduce((s, f) => s + f.amount, 0n);
      const released = caseFreezes.reduce((s, f) => s + f.released, 0n);
      const loss = mine.reduce((s, r) => s + r.loss, 0n);
      const net = mine.reduce((s, r) => s + r.net, 0n);
      expect(funds.total).toMatchObject({
        loss: money(loss),
        frozen: money(frozen),
        released: money(released),
        held: money(frozen - released),
        reimbursed: money(net),
        outstandingLoss: money(loss - net),
      });
      for (const r of mine) {
        const [row] = await sql<{ reimbursed_tiyn: string; frozen_tiyn: string }>(
          d,
          `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed_tiyn, ${FROZEN_SQL}::text AS frozen_tiyn
             FROM reports p WHERE p.id = $1`,
          [r.id],
        );
        expect(row).toEqual({
          reimbursed_tiyn: r.net.toString(),
          frozen_tiyn: r.frozen.toString(),
        });
        expect(funds.reports.find((x: { reportId: string }) => x.reportId === r.id)).toMatchObject({
          reimbursed: money(r.net),
          frozen: money(r.frozen),
          outstandingLoss: money(r.loss - r.net),
        });
      }
      // The case view derives each report's figures from the ledger too: same numbers.
      const detail = (await staff.api.get(`/cases/${caseId}`).expect(200)).body;
      for (const r of mine) {
        expect(detail.reports.find((x: { id: string }) => x.id === r.id)).toMatchObject({
          reimbursed: money(r.net),
          frozen: money(r.frozen),
        });
      }
    }

    // Stats summary = raw rows, for two windows (and their previous periods) and each filter.
    const today = localDate(new Date());
    for (const days of [7, 30]) {
      const from = addDays(today, 1 - days);
      const to = addDays(today, 1);
      for (const region of [undefined, 'almaty_city', 'astana']) {
        const query = `from=${from}&to=${to}${region ? `&region=${region}` : ''}`;
        const body = (await staff.api.get(`/stats/summary?${query}`).expect(200)).body;
        expect(body.current).toMatchObject(await rawFigures(from, to, region));
        expect(body.previous).toMatchObject(await rawFigures(addDays(from, -days), from, region));
      }
    }
  }

  it('holds for any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const op of ops) {
          const outcome = await apply(op);
          if (outcome) expect({ op, status: outcome[1] }).toEqual({ op, status: outcome[0] });
        }
        await checkEverything();
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
