/** Typed configuration, built from validated environment variables. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; bodyLimit: string; corsOrigins: string[] };
  /** Port of the worker's metrics and health listener (on `http.host`); 0 = any free port. */
  workerMetricsPort: number;
  databaseUrl: string;
  redis: { url: string; prefix: string };
  /** Secrets: never log this section. */
  secrets: {
    jwtSecret: string;
    piiKeyId: string;
    piiKey: Buffer;
    piiPreviousKeys: Map<string, Buffer>;
    /** Id of the key (current or previous) that keys blind indexes and hashes; never rotates. */
    piiHashKeyId: string;
  };
  jwtTtlSeconds: number;
  bootstrapAdmin: { email?: string; password?: string };
  reportingTimeZone: string;
  logLevel: string;
  evidenceDir: string;
  rateLimits: { publicPerMinute: number; referencePerWindow: number };
  slaMinutes: { P1: number; P2: number; P3: number; P4: number };
  /** Age after which an untriaged report is re-enqueued by the triage sweep. */
  triageSweepAfterMinutes: number;
  freezeBlockingBusinessDays: number;
  outboxPollMs: number;
  /** How long an Idempotency-Key replay returns the access code (kept encrypted until then). */
  idempotencyReplayHours: number;
  /** Failed staff sign-ins: per-account lock and per-IP lock. */
  login: { maxFailures: number; lockMinutes: number; ipMaxFailures: number };
  /** Not from the environment: tests set it to capture the structured log. */
  logDestination?: { write(msg: string): void };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
