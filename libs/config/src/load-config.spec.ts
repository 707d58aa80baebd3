import { ConfigError, loadConfig } from './load-config';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  JWT_SECRET: 'x'.repeat(40),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(base);
    expect(config.http.port).toBe(3000);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.reportingTimeZone).toBe('Asia/Almaty');
    expect(config.slaMinutes).toEqual({ P1: 60, P2: 1440, P3: 4320, P4: 10080 });
    expect(config.triageSweepAfterMinutes).toBe(5);
    expect(config.idempotencyReplayHours).toBe(24);
    expect(loadConfig({ ...base, IDEMPOTENCY_REPLAY_HOURS: '48' }).idempotencyReplayHours).toBe(48);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ...base, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...base, PII_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
      /PII_ENCRYPTION_KEY/,
    );
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRIAGE_SWEEP_AFTER_MINUTES: '0' })).toThrow(
      /TRIAGE_SWEEP_AFTER_MINUTES/,
    );
    expect(() => loadConfig({ ...base, IDEMPOTENCY_REPLAY_HOURS: '0' })).toThrow(
      /IDEMPOTENCY_REPLAY_HOURS/,
    );
  });

  it('reads the sweep timings the fault suite shortens', () => {
    expect(loadConfig(base).schedules).toEqual({ sweepEveryMs: 60_000, refreshEveryMs: 60_000 });
    const fast = loadConfig({
      ...base,
      TRIAGE_SWEEP_AFTER_MINUTES: '0.05',
      SWEEP_EVERY_MS: '1000',
      SCHEDULE_REFRESH_MS: '2000',
    });
    expect(fast.triageSweepAfterMinutes).toBe(0.05);
    expect(fast.schedules).toEqual({ sweepEveryMs: 1000, refreshEveryMs: 2000 });
    for (const [name, value] of [
      ['TRIAGE_SWEEP_AFTER_MINUTES', '0.01'],
      ['TRIAGE_SWEEP_AFTER_MINUTES', '-1'],
      ['TRIAGE_SWEEP_AFTER_MINUTES', '1e3'],
      ['SWEEP_EVERY_MS', '999'],
      ['SCHEDULE_REFRESH_MS', '1.5'],
    ]) {
      expect(() => loadConfig({ ...base, [name]: value })).toThrow(new RegExp(name));
    }
  });

  it('reads the HTTP and database timeouts and keeps headers within the request timeout', () => {
    const config = loadConfig(base);
    expect(config.http).toMatchObject({
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5000,
    });
    expect(config.statementTimeoutMs).toEqual({ api: 15_000, worker: 300_000 });
    expect(() =>
      loadConfig({ ...base, HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
    expect(() => loadConfig({ ...base, DB_STATEMENT_TIMEOUT_MS: '10' })).toThrow(
      /DB_STATEMENT_TIMEOUT_MS/,
    );
  });

  it('requires secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL })).toThrow(
      /JWT_SECRET, PII_ENCRYPTION_KEY required in production/,
    );
  });

  it('parses previous PII keys for rotation', () => {
    const old = Buffer.alloc(32, 1).toString('base64');
    const config = loadConfig({ ...base, PII_PREVIOUS_KEYS: `k0:${old}` });
    expect(config.secrets.piiPreviousKeys.get('k0')).toEqual(Buffer.alloc(32, 1));
  });
});
