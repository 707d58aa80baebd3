import { startStatsDataset, statsSummary, TestDeployment, TestStaff } from '@app/testing';

/** The data set records no flags, takedowns or write-offs: stats-measures covers those. */
const NO_MEASURES = {
  pyramidsDetected: 0,
  chatsClosed: 0,
  linksBlocked: 0,
  numbersBlocked: 0,
  loansWrittenOffCount: 0,
  loansWrittenOffTotal: '0.00',
};
const NO_MEASURE_CHANGES = Object.fromEntries(Object.keys(NO_MEASURES).map((k) => [k, null]));

/**
 * Supervisor totals against the small fixed data set of support/stats-dataset.ts; the figures
 * expected below are computed by hand from it. This suite only reads the data set.
 */
describe('stats: totals, breakdowns and export of the hand-computed data set', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let national: TestStaff;
  let supAlmaty: TestStaff;
  let admin: TestStaff;
  const summary = (query: string, who = national) => statsSummary(who, query);

  beforeAll(async () => {
    ({ d, inv, national, supAlmaty, admin } = await startStatsDataset('stats-totals'));
  }, 120_000);
  afterAll(async () => d?.close());

  const FEB = 'from=2026-02-01&to=2026-03-01';

  it('answers the hand-computed national totals, previous period and change', async () => {
    const body = await summary(FEB);
    expect(body.period).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(body.previousPeriod).toEqual({ from: '2026-01-04', to: '2026-02-01' });
    expect(body.current).toEqual({
      reportsReceived: 2,
      damageReported: '150000.00',
      casesOpened: 1,
      casesSolved: 1,
      offendersDetained: 2,
      frozenTotal: '85000.00',
      frozenAbroadTotal: '50000.00',
      reimbursedTotal: '20000.00',
      reimbursementRate: 0.133333,
      ...NO_MEASURES,
    });
    expect(body.previous).toEqual({
      reportsReceived: 1,
      damageReported: '150000.00',
      casesOpened: 1,
      casesSolved: 0,
      offendersDetained: 1,
      frozenTotal: '8000.00',
      frozenAbroadTotal: '0.00',
      reimbursedTotal: '7000.00',
      reimbursementRate: 0.046667,
      ...NO_MEASURES,
    });
    expect(body.changePercent).toEqual({
      reportsReceived: 100,
      damageReported: 0,
      casesOpened: 0,
      casesSolved: null,
      offendersDetained: 100,
      frozenTotal: 962.5,
      frozenAbroadTotal: null,
      reimbursedTotal: 185.71,
      reimbursementRate: 185.71,
      ...NO_MEASURE_CHANGES,
    });
  });

  it('filters reports by reporter region and everything else by case region', async () => {
    const almaty = await summary(`${FEB}&region=almaty_city`);
    expect(almaty.current).toEqual({
      reportsReceived: 1,
      damageReported: '100000.00',
      casesOpened: 1,
      casesSolved: 1,
      offendersDetained: 2,
      frozenTotal: '80000.00',
      frozenAbroadTotal: '50000.00',
      reimbursedTotal: '20000.00',
      reimbursementRate: 0.2,
      ...NO_MEASURES,
    });
    const astana = await summary(`${FEB}&region=astana`);
    expect(astana.current).toEqual({
      reportsReceived: 1,
      damageReported: '50000.00',
      casesOpened: 0,
      casesSolved: 0,
      offendersDetained: 0,
      frozenTotal: '5000.00',
      frozenAbroadTotal: '0.00',
      reimbursedTotal: '0.00',
      reimbursementRate: 0,
      ...NO_MEASURES,
    });
  });

  it('filters reports by their fraud type and case figures by the case fraud type', async () => {
    const phishing = await summary(`${FEB}&fraudType=phishing`);
    expect(phishing.current).toMatchObject({
      reportsReceived: 1,
      damageReported: '50000.00',
      casesOpened: 0,
      frozenTotal: '5000.00',
      reimbursedTotal: '0.00',
    });
    const purchase = await summary(`${FEB}&fraudType=online_purchase&region=almaty_city`);
    expect(purchase.current).toMatchObject({
      reportsReceived: 1,
      casesSolved: 1,
      frozenTotal: '80000.00',
      reimbursedTotal: '20000.00',
    });
  });

  it('puts each instant on its Almaty date, across the 2024 change from UTC+6 to UTC+5', async () => {
    expect((await summary('from=2024-02-29&to=2024-03-01')).current.reportsReceived).toBe(1);
    expect((await summary('from=2024-02-28&to=2024-02-29')).current.reportsReceived).toBe(0);
    const lastJan = await summary('from=2026-01-31&to=2026-02-01');
    expect(lastJan.current).toMatchObject({
      reportsReceived: 1,
      damageReported: '150000.00',
      casesOpened: 1,
      frozenTotal: '8000.00',
    });
    const firstMar = await summary('from=2026-03-01&to=2026-03-02');
    expect(firstMar.current).toMatchObject({
      reportsReceived: 1,
      damageReported: '20000.00',
      casesOpened: 1,
      offendersDetained: 3,
    });
  });

  it('breaks the totals down by month, region and fraud type', async () => {
    const months = (
      await national.api.get('/stats/breakdown?by=month&from=2026-01-01&to=2026-03-01').expect(200)
    ).body;
    expect(months.rows.map((r: { key: string }) => r.key)).toEqual(['2026-01', '2026-02']);
    expect(months.rows[0]).toMatchObject({
      reportsReceived: 1,
      damageReported: '150000.00',
      casesOpened: 1,
      offendersDetained: 1,
      frozenTotal: '8000.00',
      reimbursedTotal: '7000.00',
    });
    expect(months.rows[1]).toMatchObject({ reportsReceived: 2, frozenTotal: '85000.00' });
    const regions = (await national.api.get(`/stats/breakdown?by=region&${FEB}`).expect(200)).body;
    expect(regions.rows).toHaveLength(20);
    const row = (key: string) => regions.rows.find((r: { key: string }) => r.key === key);
    expect(row('almaty_city')).toMatchObject({ reportsReceived: 1, frozenTotal: '80000.00' });
    expect(row('astana')).toMatchObject({ reportsReceived: 1, frozenTotal: '5000.00' });
    expect(row('turkistan')).toMatchObject({ reportsReceived: 0, frozenTotal: '0.00' });
    expect(regions.total).toEqual((await summary(FEB)).current);
    const types = (await national.api.get(`/stats/breakdown?by=fraudType&${FEB}`).expect(200)).body;
    expect(types.rows.find((r: { key: string }) => r.key === 'phishing')).toMatchObject({
      reportsReceived: 1,
      frozenTotal: '5000.00',
    });
  });

  it('exports the same figures as CSV, one line per day, region and fraud type', async () => {
    const res = await national.api.get(`/stats/export?format=csv&${FEB}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'period,region,fraudType,reportsReceived,damageReported,casesOpened,casesSolved,' +
        'offendersDetained,frozenTotal,frozenAbroadTotal,reimbursedTotal,pyramidsDetected,' +
        'chatsClosed,linksBlocked,numbersBlocked,loansWrittenOffCount,loansWrittenOffTotal',
    );
    expect(lines).toContain(
      '2026-02-01,almaty_city,online_purchase,1,100000.00,0,0,0,10000.00,10000.00,0.00,0,0,0,0,0,0.00',
    );
    expect(lines).toContain(
      '2026-02-28,astana,phishing,1,50000.00,0,0,0,0.00,0.00,0.00,0,0,0,0,0,0.00',
    );
    expect(lines).toContain(
      '2026-02-28,almaty_city,online_purchase,0,0.00,0,0,0,40000.00,40000.00,0.00,0,0,0,0,0,0.00',
    );
    const monthly = await national.api
      .get(`/stats/export?granularity=month&${FEB}&region=astana`)
      .expect(200);
    expect(monthly.text.trim().split('\n').slice(1)).toEqual([
      '2026-02,astana,phishing,1,50000.00,0,0,0,5000.00,0.00,0.00,0,0,0,0,0,0.00',
    ]);
  });

  it('keeps a regional supervisor to their region; investigators have no access', async () => {
    const own = await summary(FEB, supAlmaty);
    expect(own.region).toBe('almaty_city');
    expect(own.current).toEqual((await summary(`${FEB}&region=almaty_city`)).current);
    const denied = await supAlmaty.api.get(`/stats/summary?${FEB}&region=astana`).expect(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    await supAlmaty.api.get(`/stats/export?${FEB}&region=astana`).expect(403);
    await inv.api.get(`/stats/summary?${FEB}`).expect(403);
    await admin.api.get(`/stats/summary?${FEB}`).expect(200);
  });

  it('rejects bad periods and unknown filters with 400', async () => {
    for (const q of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-01&to=2026-02-01',
      'from=2026-3-1',
      'region=mars',
      'fraudType=robbery',
      'from=2000-01-01&to=2026-01-01',
      'extra=1',
    ]) {
      const res = await national.api.get(`/stats/summary?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
    }
    await national.api.get('/stats/breakdown?by=week').expect(400);
  });
});
