import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainException } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RedisClient } from '@app/queue';

const WINDOW_MS = 60 * 60_000;

/** A problem that tells the client when to come back (the interceptor sets `Retry-After`). */
export class RetryLaterProblem extends DomainException {
  constructor(
    code: 'upload-budget-exceeded' | 'unavailable',
    status: HttpStatus,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, status, title, detail, { retryAfterSeconds });
  }
}

// KEYS: counter. ARGV: bytes, limit, window ms. Reserves the bytes unless that passes the limit.
// Returns {1, pttl} when reserved, {0, pttl} when refused (nothing added).
const RESERVE = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if total == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
local ttl = redis.call('PTTL', KEYS[1])
if total > tonumber(ARGV[2]) then
  redis.call('DECRBY', KEYS[1], ARGV[1])
  return {0, ttl}
end
return {1, ttl}
`;

// KEYS: counter. ARGV: bytes. Gives back bytes reserved but not stored; never recreates the key.
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECRBY', KEYS[1], ARGV[1]) end
return 1
`;

export interface Reservation {
  key: string;
  bytes: number;
}

/**
 * Evidence bytes per client IP per hour (EVIDENCE_IP_QUOTA_MB_PER_HOUR), in Redis so that it
 * holds across API replicas. Before the body is read, the upload's declared size is reserved;
 * after it, whatever was not stored is given back. It fails CLOSED: with Redis down an upload
 * is a 503 with Retry-After. Evidence can wait for Redis, while letting uploads through
 * unmetered is exactly the disk-filling hole this closes; filing a report never needs it.
 */
@Injectable()
export class UploadBudget {
  private readonly logger = new Logger(UploadBudget.name);

  constructor(
    private readonly client: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reserve(ip: string, bytes: number): Promise<Reservation> {
    // The IP is hashed: the key names a client without storing its address.
    const key = `evidence-budget:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
    const limit = this.config.evidenceLimits.bytesPerIpPerHour;
    let reply: [number, number];
    try {
      reply = (await this.client.redis.eval(
        RESERVE,
        1,
        key,
        String(bytes),
        String(limit),
        String(WINDOW_MS),
      )) as [number, number];
    } catch (err) {
      this.logger.warn({ err }, 'upload budget unavailable (Redis); refusing evidence uploads');
      throw new RetryLaterProblem(
        'unavailable',
        HttpStatus.SERVICE_UNAVAILABLE,
        'Service Unavailable',
        'Evidence uploads are paused for a moment; try again shortly',
        30,
      );
    }
    const [reserved, ttlMs] = reply;
    if (reserved !== 1) {
      throw new RetryLaterProblem(
        'upload-budget-exceeded',
        HttpStatus.TOO_MANY_REQUESTS,
        'Too Many Requests',
        `At most ${Math.floor(limit / 1024 / 1024)} MB of evidence per hour from one address; try again later`,
        Math.max(1, Math.ceil(ttlMs / 1000)),
      );
    }
    return { key, bytes };
  }

  /** After the upload: keep `stored` bytes of the reservation, give back the rest. */
  async settle(reservation: Reservation, stored: number): Promise<void> {
    const unused = reservation.bytes - stored;
    if (unused <= 0) return;
    await this.client.redis
      .eval(REFUND, 1, reservation.key, String(unused))
      .catch((err: unknown) => this.logger.warn({ err }, 'upload budget refund failed'));
  }
}
