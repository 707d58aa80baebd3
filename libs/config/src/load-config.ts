import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { EnvironmentVariables } from './env.schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const DEV_SECRETS_FILE = './.data/dev-secrets.json';

const MB = 1024 * 1024;

/**
 * In development the JWT and PII keys are generated once and kept under ./.data so that
 * restarts can still read what was encrypted before. Production must supply both.
 */
function devSecrets(env: Env): { JWT_SECRET: string; PII_ENCRYPTION_KEY: string } {
  const file = resolve(env.DEV_SECRETS_FILE ?? DEV_SECRETS_FILE);
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as {
      JWT_SECRET: string;
      PII_ENCRYPTION_KEY: string;
    };
  }
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function decodeKey(name: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be base64 of exactly 32 bytes`);
  return key;
}

/** TRUSTED_PROXIES (validated) as Express `trust proxy` takes it; unset trusts no proxy. */
function trustProxy(value: string | undefined): false | number | string[] {
  if (!value?.trim()) return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(rawEnv: Env = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration: ${lines.join(' | ')}`);
  }
  if (env.NODE_ENV === 'production') {
    const missing = ['DATABASE_URL', 'JWT_SECRET', 'PII_ENCRYPTION_KEY'].filter((k) => !present[k]);
    if (missing.length) {
      throw new ConfigError(`Invalid configuration: ${missing.join(', ')} required in production`);
    }
  }
  const generated = !env.JWT_SECRET || !env.PII_ENCRYPTION_KEY ? devSecrets(rawEnv) : undefined;
  const jwtSecret = env.JWT_SECRET ?? generated!.JWT_SECRET;
  const piiKey = decodeKey(
    'PII_ENCRYPTION_KEY',
    env.PII_ENCRYPTION_KEY ?? generated!.PII_ENCRYPTION_KEY,
  );
  const previous = new Map<string, Buffer>();
  for (const pair of (env.PII_PREVIOUS_KEYS ?? '').split(',').filter(Boolean)) {
    const [id, key] = pair.split(':');
    previous.set(id, decodeKey('PII_PREVIOUS_KEYS', key));
  }
  // Hashes cannot be recomputed under a new key (full card numbers are never kept), so they stay
  // on the oldest key: the first previous key, else the current one.
  const piiHashKeyId = env.PII_HASH_KEY_ID ?? [...previous.keys()][0] ?? env.PII_KEY_ID;
  if (piiHashKeyId !== env.PII_KEY_ID && !previous.has(piiHashKeyId)) {
    throw new ConfigError(
      `Invalid configuration: PII_HASH_KEY_ID "${piiHashKeyId}" is neither PII_KEY_ID nor in PII_PREVIOUS_KEYS`,
    );
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  if (!env.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is not set (npm start sets it to an embedded PostgreSQL)',
    );
  }
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimit: env.BODY_LIMIT,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      trustProxy: trustProxy(env.TRUSTED_PROXIES),
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    workerMetricsPort: env.WORKER_METRICS_PORT,
    databaseUrl: env.DATABASE_URL,
    statementTimeoutMs: {
      api: env.DB_STATEMENT_TIMEOUT_MS,
      worker: env.WORKER_DB_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, prefix: env.QUEUE_PREFIX },
    secrets: {
      jwtSecret,
      piiKeyId: env.PII_KEY_ID,
      piiKey,
      piiPreviousKeys: previous,
      piiHashKeyId,
      smtpUrl: env.SMTP_URL,
      smsGatewayToken: env.SMS_GATEWAY_TOKEN,
    },
    jwtTtlSeconds: env.JWT_TTL_SECONDS,
    bootstrapAdmin: { email: env.BOOTSTRAP_ADMIN_EMAIL, password: env.BOOTSTRAP_ADMIN_PASSWORD },
    reportingTimeZone: env.REPORTING_TIME_ZONE,
    letterUnitName: env.LETTER_UNIT_NAME,
    logLevel: env.LOG_LEVEL,
    evidenceDir: resolve(env.EVIDENCE_DIR),
    evidenceLimits: {
      filesPerReport: env.EVIDENCE_MAX_FILES_PER_REPORT,
      bytesPerReport: env.EVIDENCE_REPORT_QUOTA_MB * MB,
      bytesPerIpPerHour: env.EVIDENCE_IP_QUOTA_MB_PER_HOUR * MB,
    },
    rateLimits: {
      publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
      referencePerWindow: env.RATE_LIMIT_REFERENCE_PER_WINDOW,
      lookupPerMinute: env.RATE_LIMIT_LOOKUP_PER_MINUTE,
    },
    slaMinutes: {
      P1: env.SLA_P1_MINUTES,
      P2: env.SLA_P2_MINUTES,
      P3: env.SLA_P3_MINUTES,
      P4: env.SLA_P4_MINUTES,
    },
    triageSweepAfterMinutes: env.TRIAGE_SWEEP_AFTER_MINUTES,
    triage: { concurrency: env.TRIAGE_CONCURRENCY, batchSize: env.TRIAGE_BATCH_SIZE },
    schedules: { sweepEveryMs: env.SWEEP_EVERY_MS, refreshEveryMs: env.SCHEDULE_REFRESH_MS },
    freezeBlockingBusinessDays: env.FREEZE_BLOCKING_BUSINESS_DAYS,
    outboxPollMs: env.OUTBOX_POLL_MS,
    notices: {
      smtpFrom: env.SMTP_FROM,
      smsGatewayUrl: env.SMS_GATEWAY_URL,
      maxAttempts: env.NOTICE_MAX_ATTEMPTS,
      retryBaseMs: env.NOTICE_RETRY_BASE_MS,
      sendTimeoutMs: env.NOTICE_SEND_TIMEOUT_MS,
    },
    idempotencyReplayHours: env.IDEMPOTENCY_REPLAY_HOURS,
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      accountLockSeconds: env.LOGIN_ACCOUNT_LOCK_SECONDS,
    },
    sessions: {
      maxHours: env.SESSION_MAX_HOURS,
      idleMinutes: env.SESSION_IDLE_MINUTES,
      cookieSecure: env.COOKIE_SECURE === 'true',
    },
    consoleDir: resolve(env.CONSOLE_DIR),
  };
}
