/** Typed configuration, built from validated environment variables. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; bodyLimit: string; corsOrigins: string[] };
  databaseUrl: string;
  redis: { url: string; prefix: string };
  /** Secrets: never log this section. */
  secrets: {
    jwtSecret: string;
    piiKeyId: string;
    piiKey: Buffer;
    piiPreviousKeys: Map<string, Buffer>;
  };
  jwtTtlSeconds: number;
  bootstrapAdmin: { email?: string; password?: string };
  reportingTimeZone: string;
  logLevel: string;
  evidenceDir: string;
  rateLimits: { publicPerMinute: number; referencePerWindow: number };
  slaMinutes: { P1: number; P2: number; P3: number; P4: number };
  freezeBlockingBusinessDays: number;
  outboxPollMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
