import { createStaff, startDeployment, statsSummary, TestDeployment } from '@app/testing';
import { NATIONAL_YEAR, runNationalYear } from '../tools/national-year';

/**
 * The scripted national year of `npm run seed:demo` (tools/national-year.ts), run through the
 * domain services: GET /stats/summary for the year reads exactly the figures a national unit
 * reports. The API runs without a worker: the script triages each report itself.
 */
describe('stats: the scripted national year yields the national report exactly', () => {
  let d: TestDeployment;
  let yearStart: Date;

  beforeAll(async () => {
    d = await startDeployment({ label: 'national-year' });
    ({ yearStart } = await runNationalYear(d.api, { password: 'demo-password-2026' }));
  }, 900_000);
  afterAll(async () => d?.close());

  it('prints 2,500 solved, 962 M reimbursed, 914 detained, 400 M frozen abroad, 43 pyramids, 266 chats', async () => {
    const national = await createStaff(d, { role: 'supervisor', region: null });
    const day = (at: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(at));
    const from = day(yearStart.getTime() + 3600_000);
    const to = day(Date.now() + 86_400_000);
    const { current } = await statsSummary(national, `from=${from}&to=${to}`);
    expect(current).toMatchObject({
      ...NATIONAL_YEAR,
      reportsReceived: NATIONAL_YEAR.casesSolved,
      casesOpened: NATIONAL_YEAR.casesSolved,
    });
    expect(current).toMatchObject({
      casesSolved: 2500,
      reimbursedTotal: '962000000.00',
      offendersDetained: 914,
      frozenAbroadTotal: '400000000.00',
      pyramidsDetected: 43,
      chatsClosed: 266,
    });
    // Spread over the months of the year, not stamped on one day.
    const months = (
      await national.api.get(`/stats/breakdown?by=month&from=${from}&to=${to}`).expect(200)
    ).body.rows as Array<{ reportsReceived: number }>;
    const active = months.filter((m) => m.reportsReceived > 0).length;
    expect(active).toBe(months.length);
  });
});
