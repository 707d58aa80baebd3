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

  it('reads the console session settings', () => {
    const config = loadConfig(base);
    expect(config.sessions).toEqual({ maxHours: 12, idleMinutes: 30, cookieSecure: true });
    expect(config.consoleDir).toMatch(/[\\/]dist[\\/]console$/);
    const custom = loadConfig({
      ...base,
      SESSION_MAX_HOURS: '8',
      SESSION_IDLE_MINUTES: '15',
      COOKIE_SECURE: 'false',
      CONSOLE_DIR: '/srv/console',
    });
    expect(custom.sessions).toEqual({ maxHours: 8, idleMinutes: 15, cookieSecure: false });
    expect(custom.consoleDir).toBe('/srv/console');
    expect(() => loadConfig({ ...base, COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ ...base, SESSION_MAX_HOURS: '0' })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => loadConfig({ ...base, SESSION_IDLE_MINUTES: 'x' })).toThrow(
      /SESSION_IDLE_MINUTES/,
    );
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

  it('reads the evidence limits in MB, at least one 10 MB file each', () => {
    const MB = 1024 * 1024;
    expect(loadConfig(base).evidenceLimits).toEqual({
      filesPerReport: 100,
      bytesPerReport: 200 * MB,
      bytesPerIpPerHour: 500 * MB,
    });
    const set = loadConfig({
      ...base,
      EVIDENCE_REPORT_QUOTA_MB: '10',
      EVIDENCE_MAX_FILES_PER_REPORT: '5',
    });
    expect(set.evidenceLimits).toMatchObject({ filesPerReport: 5, bytesPerReport: 10 * MB });
    expect(() => loadConfig({ ...base, EVIDENCE_REPORT_QUOTA_MB: '9' })).toThrow(
      /EVIDENCE_REPORT_QUOTA_MB/,
    );
    expect(() => loadConfig({ ...base, EVIDENCE_IP_QUOTA_MB_PER_HOUR: '10' })).toThrow(
      /EVIDENCE_IP_QUOTA_MB_PER_HOUR/,
    );
    expect(() => loadConfig({ ...base, EVIDENCE_MAX_FILES_PER_REPORT: '0' })).toThrow(
      /EVIDENCE_MAX_FILES_PER_REPORT/,
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

  it('trusts no proxy unless TRUSTED_PROXIES names some', () => {
    expect(loadConfig(base).http.trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: 'loopback' }).http.trustProxy).toEqual([
      'loopback',
    ]);
    expect(
      loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5,::1,fd00::/8' }).http
        .trustProxy,
    ).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8']);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '2' }).http.trustProxy).toBe(2);
    for (const bad of ['true', '*', '10.0.0.0/33', '::1/129', 'proxy.local', '1.2.3.4/8/1']) {
      expect(() => loadConfig({ ...base, TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('reads the sign-in limits', () => {
    expect(loadConfig(base).login).toEqual({
      maxFailures: 5,
      lockMinutes: 15,
      ipMaxFailures: 20,
      accountMaxFailures: 50,
      accountLockSeconds: 60,
    });
    expect(() => loadConfig({ ...base, LOGIN_ACCOUNT_LOCK_SECONDS: '0' })).toThrow(
      /LOGIN_ACCOUNT_LOCK_SECONDS/,
    );
    expect(() => loadConfig({ ...base, BOOTSTRAP_ADMIN_PASSWORD: 'fourteen-chars' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });
});
