import { isIP } from 'node:net';
import { Transform } from 'class-transformer';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
} from 'class-validator';

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One entry of TRUSTED_PROXIES: a named range, an IP, or an IP with a prefix length. */
export function isTrustedProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function IsTrustedProxies() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrustedProxies',
      target: target.constructor,
      propertyName,
      options: {
        message:
          'TRUSTED_PROXIES must be a hop count or a comma list of IPs, CIDRs, loopback, linklocal, uniquelocal',
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          (/^\d{1,2}$/.test(value.trim()) ||
            value.split(',').every((e) => isTrustedProxyEntry(e.trim()))),
      },
    });
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toDecimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;

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
  @MinLength(15, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 15 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, {
    message: 'REPORTING_TIME_ZONE must be an IANA zone',
  })
  REPORTING_TIME_ZONE = 'Asia/Almaty';

  /** The unit that signs the letters to lenders (loan write-offs), as printed on them. */
  @IsString()
  @MinLength(2, { message: 'LETTER_UNIT_NAME must name the unit' })
  LETTER_UNIT_NAME = 'Служба по противодействию киберпреступности';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Comma-separated origins allowed by CORS; empty = same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  /**
   * The whole request (headers and body) must arrive within this; a trickled body is cut with
   * 408. Sized for a 10 MB evidence upload at ~1.5 Mbit/s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 60_000;

  /** The request headers must arrive within this (at most HTTP_REQUEST_TIMEOUT_MS). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** An idle keep-alive connection is closed after this; keep it above a proxy's idle timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5000;

  /** PostgreSQL statement_timeout of the API's connections: no request query runs longer. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  /** statement_timeout of the worker's connections (sweeps and triage of large cases). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(24 * 3_600_000)
  WORKER_DB_STATEMENT_TIMEOUT_MS = 300_000;

  @IsString()
  EVIDENCE_DIR = './.data/evidence';

  /** Evidence files one report may hold. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  EVIDENCE_MAX_FILES_PER_REPORT = 100;

  /** Evidence bytes one report may hold, in MB (at least one 10 MB file). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  EVIDENCE_REPORT_QUOTA_MB = 200;

  /** Evidence bytes one client IP may store per hour, in MB (one 10 MB upload and its framing). */
  @Transform(toInt)
  @IsInt()
  @Min(11)
  @Max(1_000_000)
  EVIDENCE_IP_QUOTA_MB_PER_HOUR = 500;

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

  /** Public identifier lookups (`GET /lookup`) per minute per IP: a bucket of their own. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOOKUP_PER_MINUTE = 10;

  /** Failed sign-ins for one account from one client IP before that pair is locked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_MINUTES = 15;

  /** Distinct accounts that failed to sign in from one IP within the window before it is locked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_IP_MAX_FAILURES = 20;

  /** Consecutive failures of one account, from all IPs, after which it pauses for a short lock. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_MAX_FAILURES = 50;

  /** The first account-wide pause; each further one twice as long, at most LOGIN_LOCK_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_ACCOUNT_LOCK_SECONDS = 60;

  /** Absolute lifetime of a console cookie session (a working day); no refresh extends it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SESSION_MAX_HOURS = 12;

  /** A console session without a refresh for this long has ended. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** `Secure` on the session cookie; only plain-http development and tests set `false`. */
  @IsIn(['true', 'false'], { message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE: 'true' | 'false' = 'true';

  /** The built staff console served at /console/ (relative to the working directory). */
  @IsString()
  @MinLength(1)
  CONSOLE_DIR = './dist/console';

  /**
   * Proxies whose X-Forwarded-For is believed (Express `trust proxy`): a comma list of IPs,
   * CIDRs and `loopback` / `linklocal` / `uniquelocal`, or a hop count. Unset: none, so the
   * socket address is the client IP.
   */
  @IsOptional()
  @IsTrustedProxies()
  TRUSTED_PROXIES?: string;

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

  /**
   * Untriaged reports older than this are re-enqueued by the triage sweep. A fraction of a
   * minute is allowed (the fault suite uses `0.05`, 3 s) but never below 3 s: a fresh report's
   * job is normally still on its way through the outbox.
   */
  @Transform(toDecimal)
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.05)
  TRIAGE_SWEEP_AFTER_MINUTES = 5;

  /** How often the triage and SLA sweeps run (their BullMQ job schedulers' `every`). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  SWEEP_EVERY_MS = 60_000;

  /**
   * How often the worker upserts its job schedulers again: a Redis restarted empty has lost
   * them, and only a fresh upsert brings the sweeps back without a worker restart.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  SCHEDULE_REFRESH_MS = 60_000;

  /**
   * Triage jobs one worker process holds at once; they are triaged in transactions of up to
   * TRIAGE_BATCH_SIZE reports, so this is about two batches in flight (docs/review.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  TRIAGE_CONCURRENCY = 64;

  /** Reports triaged in one transaction; 1 gives every report its own transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  TRIAGE_BATCH_SIZE = 32;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  FREEZE_BLOCKING_BUSINESS_DAYS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_POLL_MS = 1000;

  /** Citizen notices by email (docs/notices.md): `smtp://` or `smtps://`; unset: to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From of citizen notice emails. */
  @IsString()
  @MinLength(3, { message: 'SMTP_FROM must be a sender address' })
  SMTP_FROM = 'Fraud reports <no-reply@localhost>';

  /** Citizen notices by SMS: the gateway's JSON endpoint (docs/notices.md); unset: to the log. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SMS_GATEWAY_URL must be an http(s):// URL' })
  SMS_GATEWAY_URL?: string;

  /** Sent as `Authorization: Bearer …` to the SMS gateway when set. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'SMS_GATEWAY_TOKEN must be at least 8 characters' })
  SMS_GATEWAY_TOKEN?: string;

  /** Sends of one notice before it is left failed for an admin (docs/notices.md). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTICE_MAX_ATTEMPTS = 10;

  /** First retry delay of a failed notice; each further one twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  NOTICE_RETRY_BASE_MS = 30_000;

  /** How long one SMTP or gateway exchange may take before it counts as unknown. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(300_000)
  NOTICE_SEND_TIMEOUT_MS = 15_000;

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
