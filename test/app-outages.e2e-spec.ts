import {
  createStaff,
  eventually,
  RedisOutage,
  startDeployment,
  submitReport,
  TcpOutage,
  TEST_PG_ADMIN_URL,
  TEST_REDIS_URL,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  err?: unknown;
  [key: string]: unknown;
}

const WARN = 40;

/**
 * DESIGN "HTTP API": a database or Redis outage is a 503 problem with Retry-After, never a 500,
 * and readiness says which dependency is down. Both are cut through TCP proxies while the app
 * runs, then restored: the app recovers without a restart, and the log holds one line when
 * each outage starts and one when it ends, without a stack trace.
 */
describe('app: PostgreSQL and Redis outages', () => {
  const pgTarget = new URL(TEST_PG_ADMIN_URL);
  const redisTarget = new URL(TEST_REDIS_URL);
  const pg = new TcpOutage({ host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
  const redis = new RedisOutage({
    host: redisTarget.hostname,
    port: Number(redisTarget.port || 6379),
  });
  const raw: string[] = [];
  let d: TestDeployment;
  let supervisor: TestStaff;
  let consoleError: jest.SpyInstance;

  const logLines = (): LogLine[] => raw.map((l) => JSON.parse(l) as LogLine);
  const outageLines = (dependency: string) =>
    logLines().filter((l) => (l.msg ?? '').startsWith(`${dependency} is `));

  beforeAll(async () => {
    await pg.up();
    await redis.up();
    d = await startDeployment({
      label: 'outages',
      env: { REDIS_URL: redis.url, LOG_LEVEL: 'info' },
      databaseUrl: (url) => pg.via(url),
      logDestination: { write: (line: string) => void raw.push(line) },
    });
    supervisor = await createStaff(d, { role: 'supervisor' });
    consoleError = jest.spyOn(console, 'error');
  });
  afterAll(async () => {
    consoleError?.mockRestore();
    await pg.up();
    await redis.up();
    await d?.close();
    await pg.down();
    await redis.down();
  });

  const ready = () => d.http().get('/health/ready');

  function expectOutage(res: { status: number; headers: Record<string, string> }): void {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('answers readiness 200 with each dependency up', async () => {
    const res = await ready().expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
    await d.http().get('/health/live').expect(200);
  });

  it('with Redis down: readiness 503 names it, citizens still file reports', async () => {
    await redis.down();
    for (let i = 0; i < 3; i += 1) {
      const res = await ready();
      expectOutage(res);
      expect(res.body).toMatchObject({
        type: '/problems/unavailable',
        status: 503,
        checks: { postgres: 'up', redis: 'down' },
      });
    }
    // Intake commits the report and its outbox row to PostgreSQL; the relay waits for Redis.
    await submitReport(d);
    await supervisor.api.get('/cases').expect(200);
    await d.http().get('/health/live').expect(200);

    await redis.up();
    await eventually(async () => (await ready()).status === 200, 15_000, 250);
  });

  it('with PostgreSQL down: every route that needs it is a 503 with Retry-After', async () => {
    const filed = await submitReport(d);
    await pg.down();
    for (let i = 0; i < 3; i += 1) {
      const res = await ready();
      expectOutage(res);
      expect(res.body.checks).toEqual({ postgres: 'down', redis: 'up' });
    }
    const responses = [
      await d.http().post('/api/v1/reports').send(validReportBody()),
      await supervisor.api.get('/cases'),
      await supervisor.api.get('/stats/summary'),
      await d
        .http()
        .get(`/api/v1/reports/${filed.reference}/status`)
        .set('X-Access-Code', filed.accessCode),
    ];
    for (const res of responses) {
      expectOutage(res);
      expect(res.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
      expect(res.body.errorId).toBeUndefined();
    }
    await d.http().get('/health/live').expect(200);

    await pg.up();
    await eventually(async () => (await ready()).status === 200, 15_000, 250);
    await supervisor.api.get('/cases').expect(200);
    await submitReport(d);
  });

  it('logs each outage once when it starts and once when it ends, without a stack trace', async () => {
    // The recovery probe may log "available again" just after readiness saw it.
    await eventually(async () => outageLines('postgres').length === 2, 5_000);
    for (const dependency of ['postgres', 'redis']) {
      const lines = outageLines(dependency);
      expect(lines.map((l) => l.msg)).toEqual([
        expect.stringMatching(new RegExp(`^${dependency} is unavailable \\(.+\\)`)),
        expect.stringMatching(new RegExp(`^${dependency} is available again after \\d+ s`)),
      ]);
      expect(lines.every((l) => l.level === WARN)).toBe(true);
    }
    const withStack = raw.filter((l) => /\\n\s+at /.test(l) || /"stack"/.test(l));
    expect(withStack).toEqual([]);
    expect(logLines().filter((l) => l.level >= 50)).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
