import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { outageReason, ThrottledErrorLog } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RedisClient } from '@app/queue';

/**
 * Failed sign-ins per client IP, counted in Redis so the limit holds across API replicas. The
 * window starts at the first failure and lasts LOGIN_LOCK_MINUTES. Fails open without Redis:
 * the per-account lock in PostgreSQL still applies.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly logger = new Logger(LoginAttemptsService.name);
  // A Redis outage is expected and logged once per 30 s, without a stack trace.
  private readonly unavailable = new ThrottledErrorLog((m) => this.logger.warn(m));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: RedisClient,
  ) {}

  private key(ip: string | null): string {
    // The IP is hashed: Redis keys are listed by operators and should carry no personal data.
    const digest = createHash('sha256')
      .update(ip ?? 'unknown')
      .digest('hex')
      .slice(0, 32);
    return `login-fail:ip:${digest}`;
  }

  /** Seconds until the IP may try again, or 0 when it is not locked. */
  async lockedFor(ip: string | null): Promise<number> {
    try {
      const key = this.key(ip);
      const [count, ttl] = await Promise.all([
        this.client.redis.get(key),
        this.client.redis.pttl(key),
      ]);
      if (Number(count ?? 0) < this.config.login.ipMaxFailures) return 0;
      return Math.max(1, Math.ceil(ttl / 1000));
    } catch (err) {
      this.unavailable.record('login attempt store unavailable', outageReason(err));
      return 0;
    }
  }

  /** Counts one failure; returns the IP's failures in the current window. */
  async recordFailure(ip: string | null): Promise<number> {
    try {
      const key = this.key(ip);
      const result = await this.client.redis
        .multi()
        .incr(key)
        .pexpire(key, this.config.login.lockMinutes * 60_000, 'NX')
        .exec();
      return Number(result?.[0]?.[1] ?? 0);
    } catch (err) {
      this.unavailable.record('login attempt store unavailable', outageReason(err));
      return 0;
    }
  }
}
