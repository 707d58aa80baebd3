import { RedisClient } from '@app/queue';
import { RedisThrottlerStorage } from '../libs/identity/src/throttling/redis-throttler.storage';
import {
  BEHIND_LOOPBACK_PROXY,
  IDENTITY_ENV,
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  TestDeployment,
} from '@app/testing';

describe('identity: rate limits on the public endpoints', () => {
  let d: TestDeployment;
  /** The tests pick the client address with X-Forwarded-For. */
  let anonymous: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-limits',
      env: { ...IDENTITY_ENV, ...BEHIND_LOOPBACK_PROXY },
    });
    anonymous = staffClient(d);
  });
  afterAll(async () => d?.close());

  it('limits public endpoints per IP, one bucket for all of them', async () => {
    const from = (ip: string) => anonymous.post('/reports', {}).set('X-Forwarded-For', ip);
    for (let i = 0; i < 5; i += 1) {
      const res = await from('192.0.2.10');
      expect(res.status).toBe(400);
      expect(res.headers['x-ratelimit-limit-public']).toBe('5');
    }
    const limited = await from('192.0.2.10');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    await anonymous
      .get('/reports/FR-2000-000001/status')
      .set('X-Forwarded-For', '192.0.2.10')
      .expect(429);
    expect((await from('192.0.2.11')).status).toBe(400);
    // Staff routes and ops probes are not limited.
    await d.http().get('/health/live').set('X-Forwarded-For', '192.0.2.10').expect(200);
    await anonymous.get('/me').set('X-Forwarded-For', '192.0.2.10').expect(401);
  });

  it('limits access-code guesses per reference, whatever the IP', async () => {
    const guess = (i: number) =>
      anonymous
        .get('/reports/FR-2000-000777/status')
        .set('X-Forwarded-For', `192.0.2.${100 + i}`)
        .set('X-Access-Code', `WRONG${i}`);
    for (let i = 0; i < 3; i += 1) expect((await guess(i)).status).toBe(404);
    const limited = await guess(3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(
      (await anonymous.get('/reports/FR-2000-000778/status').set('X-Forwarded-For', '192.0.2.200'))
        .status,
    ).toBe(404);
  });

  it('counts a reference once however it is spelt; junk references get 404 and no bucket', async () => {
    const referenceKeys = async () => {
      const client = new RedisClient(d.config);
      try {
        if (client.redis.status !== 'ready')
          await new Promise((ok) => client.redis.once('ready', ok));
        return (await client.redis.keys(`${d.config.redis.prefix}:rl:reference:*`)).length;
      } finally {
        await client.onApplicationShutdown();
      }
    };
    const at = (path: string, i: number) =>
      anonymous
        .get(path)
        .set('X-Forwarded-For', `192.0.2.${150 + i}`)
        .set('X-Access-Code', `WRONG${i}`);
    // Padded with a space, lower-cased, both: the same reference, so one bucket of three.
    const spellings = [
      '/reports/FR-2000-000555%20/status',
      '/reports/fr-2000-000555/status',
      '/reports/%20Fr-2000-000555%20/status',
      '/reports/FR-2000-000555/status',
    ];
    const statuses: number[] = [];
    for (const [i, path] of spellings.entries()) statuses.push((await at(path, i)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);

    const before = await referenceKeys();
    const junk = ['FR-2000-55', 'FR-2000-000555x', 'x'.repeat(40), '%00', 'FR-2000-0005%2055'];
    for (const [i, ref] of junk.entries()) {
      const res = await at(`/reports/${ref}/status`, 10 + i);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('/problems/not-found');
    }
    expect(await referenceKeys()).toBe(before);
  });

  it('shares counters between API replicas through Redis', async () => {
    const replicas = [new RedisClient(d.config), new RedisClient(d.config)];
    try {
      // The clients do not queue commands while connecting (they fail open instead).
      await Promise.all(
        replicas.map((r) =>
          r.redis.status === 'ready' ? null : new Promise((ok) => r.redis.once('ready', ok)),
        ),
      );
      const [a, b] = replicas.map((client) => new RedisThrottlerStorage(client));
      const key = `replica-test-${Date.now()}`;
      expect((await a.increment(key, 60_000, 2, 60_000, 'public')).totalHits).toBe(1);
      expect((await b.increment(key, 60_000, 2, 60_000, 'public')).totalHits).toBe(2);
      const third = await a.increment(key, 60_000, 2, 60_000, 'public');
      expect(third).toMatchObject({ totalHits: 3, isBlocked: true });
      expect((await b.increment(key, 60_000, 2, 60_000, 'public')).isBlocked).toBe(true);
    } finally {
      await Promise.all(replicas.map((r) => r.onApplicationShutdown()));
    }
  });
});

describe('identity: per-IP limit on the citizen endpoints', () => {
  let d: TestDeployment;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-limit-ip',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '6' },
    });
  });
  afterAll(async () => d?.close());

  it('answers 429 once one client exceeds RATE_LIMIT_PUBLIC_PER_MINUTE', async () => {
    const r = await submitReport(d);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      // Without TRUSTED_PROXIES a forged X-Forwarded-For changes nothing: one client, one bucket.
      const res = await staffClient(d)
        .get(`/reports/FR-2020-00000${i}/status`)
        .set('X-Forwarded-For', `192.0.2.${i + 1}`)
        .set('X-Access-Code', r.accessCode);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(404));
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
