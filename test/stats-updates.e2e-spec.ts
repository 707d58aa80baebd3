import {
  moveSolving,
  recordFreeze,
  reportInCase,
  sql,
  startStatsDataset,
  statsSummary,
  TestDeployment,
  TestStaff,
} from '@app/testing';

/**
 * The data set of support/stats-dataset.ts, then writes after it: a case solved, reopened and
 * solved again, a merge across regions, a claim and a freeze. The figures follow them, and
 * the trigger-maintained rollups stay equal to a rebuild from the raw rows.
 */
describe('stats: later writes move the figures; the rollups match a rebuild', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let invAstana: TestStaff;
  let national: TestStaff;
  let supAlmaty: TestStaff;
  let ids: Record<string, string>;
  const summary = (query: string, who = national) => statsSummary(who, query);

  beforeAll(async () => {
    ({ d, inv, invAstana, national, supAlmaty, ids } = await startStatsDataset('stats-updates'));
  }, 120_000);
  afterAll(async () => d?.close());

  const FEB = 'from=2026-02-01&to=2026-03-01';

  it('counts a solved case once, in the period of its first solving; reopening changes nothing', async () => {
    // By hand: C2 is the only solved case so far (20 Feb). C1 is solved, that solving is moved
    // to 10 March, then C1 is reopened and solved again now (after April): March counts C1 once
    // from its first solving on, and no period ever loses or gains it afterwards.
    const MAR = 'from=2026-03-01&to=2026-04-01';
    const LATER = 'from=2026-04-01&to=2030-01-01';
    const solved = async (query: string) => (await summary(query)).current.casesSolved;
    expect([await solved(FEB), await solved(MAR), await solved(LATER)]).toEqual([1, 0, 0]);
    await inv.api.post(`/cases/${ids.C1}/claim`).expect(200);
    await inv.api.post(`/cases/${ids.C1}/transition`, { to: 'investigating' }).expect(200);
    await inv.api.post(`/cases/${ids.C1}/transition`, { to: 'solved' }).expect(200);
    expect([await solved(MAR), await solved(LATER)]).toEqual([0, 1]);
    await moveSolving(d, ids.C1, '2026-03-10T10:00:00Z');
    expect([await solved(MAR), await solved(LATER)]).toEqual([1, 0]);
    await national.api.post(`/cases/${ids.C1}/transition`, { to: 'in_review' }).expect(200);
    expect([await solved(MAR), await solved(LATER)]).toEqual([1, 0]);
    await inv.api.post(`/cases/${ids.C1}/transition`, { to: 'investigating' }).expect(200);
    await inv.api.post(`/cases/${ids.C1}/transition`, { to: 'solved' }).expect(200);
    expect([await solved(FEB), await solved(MAR), await solved(LATER)]).toEqual([1, 1, 0]);
    const months = (
      await national.api.get('/stats/breakdown?by=month&from=2026-02-01&to=2026-04-01').expect(200)
    ).body;
    expect(months.rows.map((r: { casesSolved: number }) => r.casesSolved)).toEqual([1, 1]);
  });

  it('moves money with a merge into the surviving case region', async () => {
    const window = 'from=2026-01-01&to=2030-01-01';
    const target = await reportInCase(d, { region: 'almaty_city' });
    const source = await reportInCase(d, { region: 'astana' });
    const now = new Date().toISOString();
    await recordFreeze(invAstana, source.caseId, '123.45', {
      stage: 'withdrawal_abroad',
      frozenAt: now,
    });
    const astanaBefore = (await summary(`${window}&region=astana`)).current;
    const almatyBefore = (await summary(`${window}&region=almaty_city`)).current;
    await national.api
      .post(`/cases/${target.caseId}/merge`, {
        sourceCaseId: source.caseId,
      })
      .expect(200);
    const astanaAfter = (await summary(`${window}&region=astana`)).current;
    const almatyAfter = (await summary(`${window}&region=almaty_city`)).current;
    const tiyn = (s: string) => BigInt(s.replace('.', ''));
    expect(tiyn(astanaBefore.frozenAbroadTotal) - tiyn(astanaAfter.frozenAbroadTotal)).toBe(12345n);
    expect(tiyn(almatyAfter.frozenAbroadTotal) - tiyn(almatyBefore.frozenAbroadTotal)).toBe(12345n);
    // A merge does not reduce casesOpened: the source was opened in the period all the same.
    expect(astanaAfter.casesOpened).toBe(astanaBefore.casesOpened);
    expect(almatyAfter.casesOpened).toBe(almatyBefore.casesOpened);
    // Reports keep their reporter region.
    expect(astanaAfter.reportsReceived).toBe(astanaBefore.reportsReceived);
    // Writing to the merged-away case is refused.
    const refused = await invAstana.api
      .post(`/cases/${source.caseId}/reimbursements`, {
        reportId: source.report.id,
        amount: '1.00',
        source: 'court_order',
        paidAt: now,
      })
      .expect(409);
    expect(refused.body.type).toBe('/problems/case-merged');
  });

  it('shows queue figures: open cases by priority and region, waits, workload', async () => {
    const { caseId, report } = await reportInCase(d, { region: 'almaty_city' });
    await inv.api.post(`/cases/${caseId}/claim`).expect(200);
    await recordFreeze(inv, caseId, '10.00', {
      stage: 'domestic',
      frozenAt: new Date().toISOString(),
      reportId: report.id,
    });
    const body = (await national.api.get('/stats/queues').expect(200)).body;
    expect(body.open.length).toBeGreaterThan(0);
    for (const row of body.open) {
      expect(row).toEqual({
        region: expect.any(String),
        priority: expect.stringMatching(/^P[1-4]$/),
        open: expect.any(Number),
        unclaimed: expect.any(Number),
      });
    }
    expect(body.oldestUnclaimed).toMatchObject({
      caseId: expect.any(String),
      waitSeconds: expect.any(Number),
    });
    expect(body.workload).toContainEqual(
      expect.objectContaining({ investigatorId: inv.id, activeCases: expect.any(Number) }),
    );
    expect(typeof body.medianReportToFreezeSeconds).toBe('number');
    const own = (await supAlmaty.api.get('/stats/queues').expect(200)).body;
    expect(own.region).toBe('almaty_city');
    expect(own.open.every((r: { region: string }) => r.region === 'almaty_city')).toBe(true);
    await supAlmaty.api.get('/stats/queues?region=astana').expect(403);
  });

  it('keeps the trigger-maintained rollups equal to a rebuild from the raw rows', async () => {
    const snapshot = () =>
      sql(
        d,
        `SELECT 'r' AS t, day::text, region, fraud_type,
                ARRAY[reports_received, damage_tiyn]::text AS v
           FROM stats_daily_reports WHERE reports_received <> 0 OR damage_tiyn <> 0
         UNION ALL
         SELECT 'c', day::text, region, fraud_type,
                ARRAY[cases_opened, cases_solved, offenders_detained, frozen_tiyn,
                      frozen_abroad_tiyn, reimbursed_tiyn]::text
           FROM stats_daily_cases
          WHERE cases_opened <> 0 OR cases_solved <> 0 OR offenders_detained <> 0
             OR frozen_tiyn <> 0 OR frozen_abroad_tiyn <> 0 OR reimbursed_tiyn <> 0
         ORDER BY 1, 2, 3, 4`,
      );
    // A case that changes region and fraud type (an SQL fixture) moves all it counts.
    await sql(d, `UPDATE cases SET region = 'abai', fraud_type = 'romance' WHERE id = $1`, [
      ids.C4,
    ]);
    const maintained = await snapshot();
    await sql(d, 'SELECT stats_rebuild()');
    expect(await snapshot()).toEqual(maintained);
  });
});
