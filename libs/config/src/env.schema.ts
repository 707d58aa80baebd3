import { Transform } from 'class-transformer';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/**
 * Every environment variable the processes read. Validated once at boot; a wrong or missing
 * one stops the process with a message naming it.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The worker's own HTTP listener (`/metrics`, `/health/*`); `0` picks a free port (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key; lets several deployments (or test suites) share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 of [a-zA-Z0-9_-]' })
  QUEUE_PREFIX = 'fraud';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 900;

  /** 32 random bytes, base64. Source of the PII encryption, blind-index and hashing keys. */
  @IsOptional()
  @IsBase64({}, { message: 'PII_ENCRYPTION_KEY must be base64 of 32 random bytes' })
  PII_ENCRYPTION_KEY?: string;

  @Matches(/^[a-z0-9]{1,16}$/, { message: 'PII_KEY_ID must be 1-16 of [a-z0-9]' })
  PII_KEY_ID = 'k1';

  /** Older keys still needed to decrypt, `id:base64,id:base64`. */
  @IsOptional()
  @Matches(/^([a-z0-9]{1,16}:[A-Za-z0-9+/=]+)(,[a-z0-9]{1,16}:[A-Za-z0-9+/=]+)*$/, {
    message: 'PII_PREVIOUS_KEYS must be a comma-separated list of keyId:base64Key',
  })
  PII_PREVIOUS_KEYS?: string;

  /** Key that keys blind indexes and hashes (they cannot be re-keyed); default: see docs. */
  @IsOptional()
  @Matches(/^[a-z0-9]{1,16}$/, { message: 'PII_HASH_KEY_ID must be 1-16 of [a-z0-9]' })
  PII_HASH_KEY_ID?: string;

  @IsOptional()
  @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an email address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, {
    message: 'REPORTING_TIME_ZONE must be an IANA zone',
  })
  REPORTING_TIME_ZONE = 'Asia/Almaty';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Comma-separated origins allowed by CORS; empty = same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  @IsString()
  EVIDENCE_DIR = './.data/evidence';

  /** Requests per minute per IP on public citizen endpoints. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 30;

  /** Status lookups / uploads per reference per 15 minutes (brute-force guard). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REFERENCE_PER_WINDOW = 20;

  /** Failed sign-ins before an account is locked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_MINUTES = 15;

  /** Failed sign-ins from one IP (any accounts) within the lock window before it is locked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_IP_MAX_FAILURES = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SLA_P1_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SLA_P2_MINUTES = 24 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SLA_P3_MINUTES = 72 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SLA_P4_MINUTES = 7 * 24 * 60;

  /** Untriaged reports older than this are re-enqueued by the minutely triage sweep. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TRIAGE_SWEEP_AFTER_MINUTES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  FREEZE_BLOCKING_BUSINESS_DAYS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_POLL_MS = 1000;

  /**
   * How long a repeated Idempotency-Key gets the first answer back, access code included (kept
   * encrypted for that long, then wiped). Later repeats are `409 idempotency-key-expired`.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_REPLAY_HOURS = 24;
}
