/** Typed configuration, built from validated environment variables. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    bodyLimit: string;
    corsOrigins: string[];
    /** Express `trust proxy`: false (none), a hop count, or a list of addresses and ranges. */
    trustProxy: false | number | string[];
    /** Node server timeouts, ms: whole request, headers, idle keep-alive. */
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    keepAliveTimeoutMs: number;
  };
  /** Port of the worker's metrics and health listener (on `http.host`); 0 = any free port. */
  workerMetricsPort: number;
  databaseUrl: string;
  /** PostgreSQL statement_timeout per process kind, ms. */
  statementTimeoutMs: { api: number; worker: number };
  redis: { url: string; prefix: string };
  /** Secrets: never log this section. */
  secrets: {
    jwtSecret: string;
    piiKeyId: string;
    piiKey: Buffer;
    piiPreviousKeys: Map<string, Buffer>;
    /** Id of the key (current or previous) that keys blind indexes and hashes; never rotates. */
    piiHashKeyId: string;
    /** SMTP_URL may carry a password; SMS_GATEWAY_TOKEN is one. */
    smtpUrl?: string;
    smsGatewayToken?: string;
  };
  jwtTtlSeconds: number;
  bootstrapAdmin: { email?: string; password?: string };
  reportingTimeZone: string;
  /** The unit named on the letters to lenders. */
  letterUnitName: string;
  logLevel: string;
  evidenceDir: string;
  /** Disk quotas of citizen evidence (docs/intake.md, "Evidence"). */
  evidenceLimits: { filesPerReport: number; bytesPerReport: number; bytesPerIpPerHour: number };
  rateLimits: { publicPerMinute: number; referencePerWindow: number; lookupPerMinute: number };
  slaMinutes: { P1: number; P2: number; P3: number; P4: number };
  /** Age after which an untriaged report is re-enqueued by the triage sweep. */
  triageSweepAfterMinutes: number;
  /** Triage jobs in flight per worker process, and reports per triage transaction. */
  triage: { concurrency: number; batchSize: number };
  /** The triage and SLA sweeps' interval, and how often the worker re-upserts them. */
  schedules: { sweepEveryMs: number; refreshEveryMs: number };
  freezeBlockingBusinessDays: number;
  outboxPollMs: number;
  /** Citizen notices (docs/notices.md); the SMTP URL and the gateway token are in `secrets`. */
  notices: {
    smtpFrom: string;
    smsGatewayUrl?: string;
    maxAttempts: number;
    retryBaseMs: number;
    sendTimeoutMs: number;
  };
  /** How long an Idempotency-Key replay returns the access code (kept encrypted until then). */
  idempotencyReplayHours: number;
  /** Failed staff sign-ins: locks per (account, IP), per IP and (short) per account. */
  login: {
    maxFailures: number;
    lockMinutes: number;
    ipMaxFailures: number;
    accountMaxFailures: number;
    accountLockSeconds: number;
  };
  /** Console cookie sessions (docs/access.md): lifetimes and the cookie's `Secure` flag. */
  sessions: { maxHours: number; idleMinutes: number; cookieSecure: boolean };
  /** Absolute path of the built staff console served at /console/. */
  consoleDir: string;
  /** Not from the environment: tests set it to capture the structured log. */
  logDestination?: { write(msg: string): void };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
