import {
  createStaff,
  reportTransaction,
  sql,
  startDeployment,
  statsSummary,
  submitReport,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

/**
 * Public input must never stop other citizens from filing (DESIGN.md "What must never happen"):
 * the sums the public feeds cannot overflow. A report holds at most 50 transactions of
 * 1,000,000,000,000.00 KZT, 5e15 tiyn; 1,845 of them in one day, region and fraud type pass
 * 2^63 − 1 tiyn, which a `bigint` rollup row cannot hold (docs/stats.md works the bounds out).
 */
const MAX_AMOUNT = '1000000000000.00';
const MAX_REPORT_TIYN = 50n * 100_000_000_000_000n;
const BIGINT_MAX = 2n ** 63n - 1n;

const maxTransactions = (n = 50) =>
  Array.from({ length: n }, () => reportTransaction({ amount: MAX_AMOUNT, method: 'cash' }));

/** A report of the largest loss the form allows, without a suspect, in one rollup row. */
const maxReport = () =>
  validReportBody({
    reporter: { region: 'almaty_city' },
    incident: { fraudType: 'online_purchase' },
    transactions: maxTransactions(),
    suspects: [],
  });

function kzt(tiyn: bigint): string {
  return `${tiyn / 100n}.${(tiyn % 100n).toString().padStart(2, '0')}`;
}

describe('stats: sums fed by the public cannot overflow', () => {
  let d: TestDeployment;
  let national: TestStaff;
  let today: string;
  let tomorrow: string;
  let monthStart: string;
  let nextMonth: string;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'stats-overflow',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    national = await createStaff(d, { role: 'supervisor', region: null });
    const [dates] = await sql<Record<string, string>>(
      d,
      `SELECT to_char(l, 'YYYY-MM-DD') AS today, to_char(l + 1, 'YYYY-MM-DD') AS tomorrow,
              to_char(date_trunc('month', l), 'YYYY-MM-DD') AS month_start,
              to_char(date_trunc('month', l) + interval '1 month', 'YYYY-MM-DD') AS next_month
         FROM (SELECT (now() AT TIME ZONE 'Asia/Almaty')::date AS l) t`,
    );
    ({ today, tomorrow, month_start: monthStart, next_month: nextMonth } = dates);
  }, 120_000);
  afterAll(async () => d?.close());

  it('files the 1,845th maximal report of a day with 202 and totals it exactly', async () => {
    const first = await submitReport(d, maxReport());
    // 1,843 copies of it in SQL (filing them through the API would take minutes): with the
    // first, 1,844 maximal reports, the most a bigint row can hold. The triggers count each.
    await sql(
      d,
      `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                            reporter_phone_enc, reporter_phone_bidx, region, language, age_group,
                            fraud_type, channel, occurred_at, description, loss_tiyn)
       SELECT 'FR-1999-' || lpad(g::text, 6, '0'), access_code_hash, submitted_at,
              reporter_full_name, reporter_phone_enc, reporter_phone_bidx, region, language,
              age_group, fraud_type, channel, occurred_at, description, loss_tiyn
         FROM reports, generate_series(1, 1843) g WHERE id = $1`,
      [first.id],
    );
    const [row] = await sql<{ damage: string }>(
      d,
      `SELECT damage_tiyn::text AS damage FROM stats_daily_reports
        WHERE region = 'almaty_city' AND fraud_type = 'online_purchase'`,
    );
    expect(BigInt(row.damage)).toBe(1844n * MAX_REPORT_TIYN);
    expect(BigInt(row.damage) + MAX_REPORT_TIYN).toBeGreaterThan(BIGINT_MAX);

    // The next citizen of that region and fraud type, and one with a loan on top.
    const next = await d.http().post('/api/v1/reports').send(maxReport());
    expect(next.status).toBe(202);
    const loan = await d
      .http()
      .post('/api/v1/reports')
      .send(
        validReportBody({
          incident: { fraudType: 'fake_loan' },
          transactions: maxTransactions(),
          suspects: [],
          loan: { lender: 'Micro Credit', amount: MAX_AMOUNT, issuedAt: new Date().toISOString() },
        }),
      );
    expect(loan.status).toBe(202);

    const purchases = 1845n * MAX_REPORT_TIYN;
    const loanReport = MAX_REPORT_TIYN + 100_000_000_000_000n;
    const total = purchases + loanReport;
    expect(total).toBeGreaterThan(BIGINT_MAX);
    for (const [from, to] of [
      [today, tomorrow],
      [monthStart, nextMonth],
    ]) {
      const body = await statsSummary(national, `from=${from}&to=${to}`);
      expect(body.current).toMatchObject({ reportsReceived: 1846, damageReported: kzt(total) });
      const byType = await national.api
        .get(`/stats/breakdown?by=fraudType&from=${from}&to=${to}`)
        .expect(200);
      const rows = byType.body.rows as Array<{ key: string; damageReported: string }>;
      expect(rows.find((r) => r.key === 'online_purchase')?.damageReported).toBe(kzt(purchases));
      expect(rows.find((r) => r.key === 'fake_loan')?.damageReported).toBe(kzt(loanReport));
    }
    expect(kzt(total)).toBe('92301000000000000.00');

    const csv = await national.api
      .get(`/stats/export?format=csv&from=${today}&to=${tomorrow}`)
      .expect(200);
    expect(csv.text).toContain(`${today},almaty_city,online_purchase,1845,${kzt(purchases)},`);
  });

  it('keeps the trigger-maintained rollups equal to a rebuild from the raw rows', async () => {
    const snapshot = () =>
      sql(
        d,
        `SELECT 'd' AS t, day::text, region, fraud_type, reports_received::text,
                damage_tiyn::text FROM stats_daily_reports
         UNION ALL
         SELECT 'm', day::text, region, fraud_type, reports_received::text, damage_tiyn::text
           FROM stats_monthly_reports
         ORDER BY 1, 2, 3, 4`,
      );
    const maintained = await snapshot();
    await sql(d, 'SELECT stats_rebuild()');
    expect(await snapshot()).toEqual(maintained);
    const [raw] = await sql<{ sum: string }>(d, 'SELECT sum(loss_tiyn)::text AS sum FROM reports');
    expect(BigInt(raw.sum)).toBe(1846n * MAX_REPORT_TIYN + 100_000_000_000_000n);
  });

  it('caps a report at 1,000 transactions, so its own bigint loss cannot overflow', async () => {
    const report = await submitReport(d, maxReport());
    const statement = (n: number) =>
      d
        .http()
        .post(`/api/v1/reports/${report.reference}/statements`)
        .set('X-Access-Code', report.accessCode)
        .send({ transactions: maxTransactions(n) });
    for (let i = 1; i < 20; i++) expect((await statement(50)).status).toBe(201);
    const full = await statement(1);
    expect(full.status).toBe(409);
    expect(full.body.type).toMatch(/\/problems\/transaction-limit$/);
    const [row] = await sql<{ loss: string; n: number }>(
      d,
      `SELECT loss_tiyn::text AS loss, (SELECT count(*)::int FROM report_transactions
                                          WHERE report_id = $1) AS n
         FROM reports WHERE id = $1`,
      [report.id],
    );
    expect(row).toEqual({ loss: (20n * MAX_REPORT_TIYN).toString(), n: 1000 });
  });
});
