import { createStaff, startDeployment, TestDeployment, TestStaff } from '@app/testing';

/**
 * Periods outside the years the product reports on (2000-01-01 … 2100-12-31) are a 400 naming
 * the field on every stats route, not a cut connection: `/stats/export?to=9999-12-31` used to
 * send its headers and then die on year 10000, leaving the client with no status at all.
 */
describe('stats: period bounds', () => {
  let d: TestDeployment;
  let national: TestStaff;

  beforeAll(async () => {
    d = await startDeployment({ label: 'stats-bounds' });
    national = await createStaff(d, { role: 'supervisor' });
  });
  afterAll(async () => d?.close());

  const ROUTES = [
    '/stats/summary',
    '/stats/breakdown?by=region',
    '/stats/breakdown?by=month',
    '/stats/export?format=csv',
    '/stats/export?granularity=month',
    '/stats/queues',
    '/identifiers/top',
  ];
  const BAD_PERIODS: Array<[string, 'from' | 'to']> = [
    ['to=9999-12-31', 'to'],
    ['from=9999-11-01&to=9999-12-31', 'from'],
    ['from=0001-01-01', 'from'],
    ['from=0001-01-01&to=0001-02-01', 'from'],
    ['from=1999-12-31&to=2000-01-10', 'from'],
    ['from=2100-12-01&to=2101-01-01', 'to'],
  ];

  const withQuery = (route: string, query: string) =>
    `${route}${route.includes('?') ? '&' : '?'}${query}`;

  it('answers 400 naming the field for dates outside 2000-01-01 … 2100-12-31', async () => {
    const failures: string[] = [];
    for (const route of ROUTES) {
      for (const [query, field] of BAD_PERIODS) {
        const res = await national.api.get(withQuery(route, query));
        const fields = ((res.body?.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
        const ok =
          res.status === 400 &&
          String(res.headers['content-type']).includes('application/problem+json') &&
          fields.includes(field);
        if (!ok) failures.push(`${route} ${query}: ${res.status} ${JSON.stringify(fields)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers the widest periods inside the bounds', async () => {
    await national.api.get('/stats/summary?from=2000-01-01&to=2010-01-01').expect(200);
    await national.api.get('/stats/summary?from=2091-01-01&to=2100-12-31').expect(200);
    await national.api.get('/stats/breakdown?by=month&from=2091-01-01&to=2100-12-31').expect(200);
    const csv = await national.api
      .get('/stats/export?granularity=month&from=2091-01-01&to=2100-12-31')
      .expect(200);
    expect(csv.text.split('\n')[0]).toContain('period');
    await national.api.get('/stats/export?from=2100-01-01&to=2100-12-31').expect(200);
  });

  it('bounds a daily export to 366 days (longer ones go by month)', async () => {
    const res = await national.api
      .get('/stats/export?granularity=day&from=2024-01-01&to=2025-03-01')
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'from', message: expect.stringMatching(/366/) }]);
    await national.api
      .get('/stats/export?granularity=month&from=2024-01-01&to=2025-03-01')
      .expect(200);
  });
});
