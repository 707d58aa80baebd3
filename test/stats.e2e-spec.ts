import { DataSource } from 'typeorm';
import {
  caseOf,
  createStaff,
  fileReport,
  reportInCase,
  sql,
  startDeployment,
  TestDeployment,
  TestStaff,
  uniquePhone,
} from '@app/testing';

/**
 * Supervisor totals against a small fixed data set whose figures are computed by hand below.
 *
 * Fixtures: reports are filed through POST /reports and triaged by the real worker; their
 * `submitted_at` (and the cases' `created_at`, and the `at` of the solving transition) are then
 * moved into the past with SQL, because the API stamps "now". Every other row is written
 * through the HTTP API with past dates in the request. The rollups follow those SQL updates
 * through their triggers, which is part of what is tested.
 *
 * Asia/Almaty is UTC+5 since 2024-03-01 00:00 (UTC+6 before), so:
 *   2026-01-31T18:59:59Z = 31 Jan 23:59:59 local; 2026-01-31T19:00:00Z = 1 Feb 00:00 local;
 *   2024-02-28T18:30:00Z = 29 Feb 2024 00:30 local (it would be 28 Feb at UTC+5).
 */
describe('stats: totals, breakdowns, export and queues', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let invAstana: TestStaff;
  let national: TestStaff;
  let supAlmaty: TestStaff;
  let admin: TestStaff;
  const ids: Record<string, string> = {};

  const summary = async (query: string, who = national) =>
    (await who.api.get(`/stats/summary?${query}`).expect(200)).body;
  const freeze = (
    who: TestStaff,
    caseId: string,
    amount: string,
    stage: string,
    frozenAt: string,
    reportId?: string,
  ) =>
    who.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: uniquePhone(),
        amount,
        stage,
        frozenAt,
        reportId,
      })
      .expect(201);
  const backdate = async (
    reportId: string,
    submittedAt: string,
    caseId?: string,
    createdAt?: string,
  ) => {
    await sql(d, 'UPDATE reports SET submitted_at = $2 WHERE id = $1', [reportId, submittedAt]);
    if (caseId && createdAt) {
      await sql(d, 'UPDATE cases SET created_at = $2 WHERE id = $1', [caseId, createdAt]);
    }
  };

  /** Moves the case's transitions to `solved` (so far) to `at`. */
  const moveSolving = (caseId: string, at: string) =>
    // case_events is append-only (a trigger); lifted for this one back-dating, in one transaction.
    d.api.get(DataSource).transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER tg_case_events_append_only');
      await m.query(
        `UPDATE case_events SET at = $2 WHERE case_id = $1 AND data->>'to' = 'solved'`,
        [caseId, at],
      );
      await m.query('ALTER TABLE case_events ENABLE TRIGGER tg_case_events_append_only');
    });

  beforeAll(async () => {
    d = await startDeployment({ label: 'stats', worker: true });
    [inv, invAstana, national, supAlmaty, admin] = await Promise.all([
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
      createStaff(d, { role: 'investigator', region: 'astana' }),
      createStaff(d, { role: 'supervisor', region: null }),
      createStaff(d, { role: 'supervisor', region: 'almaty_city' }),
      createStaff(d, { role: 'admin', region: null }),
    ]);

    const shared = uniquePhone();
    const r1 = await reportInCase(d, { region: 'almaty_city', amounts: ['150000.00'] });
    const r2 = await reportInCase(d, {
      region: 'almaty_city',
      amounts: ['100000.00'],
      sharedPhone: shared,
    });
    const r3 = await fileReport(d, {
      region: 'astana',
      fraudType: 'phishing',
      amounts: ['50000.00'],
      sharedPhone: shared,
    });
    expect(await caseOf(d, r3.id)).toBe(r2.caseId);
    const r4 = await reportInCase(d, {
      region: 'astana',
      fraudType: 'phishing',
      amounts: ['20000.00'],
    });
    const r5 = await reportInCase(d, {
      region: 'turkistan',
      fraudType: 'other',
      amounts: ['1000.00'],
    });
    Object.assign(ids, {
      R1: r1.report.id,
      R2: r2.report.id,
      R3: r3.id,
      R4: r4.report.id,
      C1: r1.caseId,
      C2: r2.caseId,
      C4: r4.caseId,
      C5: r5.caseId,
    });
    await backdate(ids.R1, '2026-01-31T18:59:59Z', ids.C1, '2026-01-31T18:00:00Z');
    await backdate(ids.R2, '2026-01-31T19:00:00Z', ids.C2, '2026-02-10T10:00:00Z');
    await backdate(ids.R3, '2026-02-28T18:59:59Z');
    await backdate(ids.R4, '2026-02-28T19:00:00Z', ids.C4, '2026-02-28T19:00:00Z');
    await backdate(r5.report.id, '2024-02-28T18:30:00Z', ids.C5, '2024-02-28T18:30:00Z');

    // Offenders (before solving: a solved case takes no more records).
    await inv.api
      .post(`/cases/${ids.C2}/offenders`, {
        count: 2,
        detainedAt: '2026-02-15T10:00:00Z',
      })
      .expect(201);
    await inv.api
      .post(`/cases/${ids.C1}/offenders`, {
        count: 1,
        detainedAt: '2026-01-10T00:00:00Z',
      })
      .expect(201);
    await invAstana.api
      .post(`/cases/${ids.C4}/offenders`, {
        count: 3,
        detainedAt: '2026-02-28T19:30:00Z',
      })
      .expect(201);

    // Freezes.
    const f1 = await freeze(inv, ids.C2, '30000.00', 'domestic', '2026-02-05T10:00:00Z', ids.R2);
    await freeze(inv, ids.C2, '40000.00', 'withdrawal_abroad', '2026-02-28T18:59:59Z');
    await freeze(inv, ids.C1, '10000.00', 'withdrawal_abroad', '2026-01-31T19:00:00Z');
    await freeze(invAstana, ids.C4, '5000.00', 'domestic', '2026-02-10T10:00:00Z');
    await freeze(inv, ids.C1, '8000.00', 'domestic', '2026-01-31T18:59:59Z');

    // Reimbursements; the court order is reversed, the release is paid "now" (outside).
    const reimburse = (
      caseId: string,
      reportId: string,
      amount: string,
      source: string,
      paidAt: string,
    ) =>
      inv.api
        .post(`/cases/${caseId}/reimbursements`, {
          reportId,
          amount,
          source,
          paidAt,
        })
        .expect(201);
    await reimburse(ids.C2, ids.R2, '20000.00', 'bank_compensation', '2026-02-12T10:00:00Z');
    const wrong = await reimburse(ids.C2, ids.R3, '5000.00', 'court_order', '2026-02-13T10:00:00Z');
    await inv.api
      .post(`/reimbursements/${wrong.body.id}/reverse`, {
        reason: 'wrong report',
      })
      .expect(200);
    await reimburse(ids.C1, ids.R1, '7000.00', 'offender_voluntary', '2026-01-15T10:00:00Z');
    await inv.api
      .post(`/freezes/${f1.body.id}/releases`, {
        amount: '10000.00',
        to: 'victim',
        reportId: ids.R2,
      })
      .expect(201);

    // C2 solved, then the solving transition moved to 20 February.
    await inv.api.post(`/cases/${ids.C2}/claim`).expect(200);
    await inv.api.post(`/cases/${ids.C2}/transition`, { to: 'investigating' }).expect(200);
    await inv.api.post(`/cases/${ids.C2}/transition`, { to: 'solved' }).expect(200);
    await moveSolving(ids.C2, '2026-02-20T10:00:00Z');
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
        'offendersDetained,frozenTotal,frozenAbroadTotal,reimbursedTotal',
    );
    expect(lines).toContain(
      '2026-02-01,almaty_city,online_purchase,1,100000.00,0,0,0,10000.00,10000.00,0.00',
    );
    expect(lines).toContain('2026-02-28,astana,phishing,1,50000.00,0,0,0,0.00,0.00,0.00');
    expect(lines).toContain(
      '2026-02-28,almaty_city,online_purchase,0,0.00,0,0,0,40000.00,40000.00,0.00',
    );
    const monthly = await national.api
      .get(`/stats/export?granularity=month&${FEB}&region=astana`)
      .expect(200);
    expect(monthly.text.trim().split('\n').slice(1)).toEqual([
      '2026-02,astana,phishing,1,50000.00,0,0,0,5000.00,0.00,0.00',
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
    await moveSolving(ids.C1, '2026-03-10T10:00:00Z');
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
    await freeze(invAstana, source.caseId, '123.45', 'withdrawal_abroad', now);
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
    await freeze(inv, caseId, '10.00', 'domestic', new Date().toISOString(), report.id);
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
