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
    expect(config.workerMetricsPort).toBe(9464);
    expect(loadConfig({ ...base, WORKER_METRICS_PORT: '0' }).workerMetricsPort).toBe(0);
    expect(loadConfig({ ...base, IDEMPOTENCY_REPLAY_HOURS: '48' }).idempotencyReplayHours).toBe(48);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ...base, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...base, WORKER_METRICS_PORT: '70000' })).toThrow(
      /WORKER_METRICS_PORT/,
    );
    expect(() => loadConfig({ ...base, WORKER_METRICS_PORT: 'x' })).toThrow(/WORKER_METRICS_PORT/);
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
