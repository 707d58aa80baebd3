import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { outageReason, ServiceUnavailableProblem } from '@app/common';
import type { RedisClient } from '@app/queue';

interface StorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// Fixed window per key; once over the limit the key is blocked for blockDuration.
// KEYS: hits, block. ARGV: ttl ms, limit, block ms. Returns hits, hits pttl, blocked, block pttl.
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}
`;

const INCREMENT_SHA = createHash('sha1').update(INCREMENT).digest('hex');

const isNoScript = (err: unknown) => err instanceof Error && err.message.startsWith('NOSCRIPT');

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Limits that fail closed: the public lookup answers from everyone's reports, and its limit is
 * all that stops someone walking them, so without Redis it is `503`, not unlimited.
 */
const FAIL_CLOSED: ReadonlySet<string> = new Set(['lookup']);

/**
 * Throttler counters in Redis, shared by every API replica. When Redis is unreachable the
 * request is let through (fail open): citizen intake must keep working without Redis. The
 * limits in FAIL_CLOSED answer `503` with `Retry-After` instead.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private lastWarning = 0;

  constructor(private readonly client: RedisClient) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    const base = `rl:${throttlerName}:${key}`;
    try {
      const args = [
        2,
        `${base}:hits`,
        `${base}:block`,
        String(ttl),
        String(limit),
        String(blockDuration),
      ] as const;
      // EVALSHA: every request runs this script, and sending only its hash spares Redis and
      // the API the script's text and Redis a hash of it each time. After a Redis restart (or
      // SCRIPT FLUSH) the first call is NOSCRIPT and EVAL loads it again.
      const reply = await this.client.redis
        .evalsha(INCREMENT_SHA, ...args)
        .catch((err: unknown) => {
          if (isNoScript(err)) return this.client.redis.eval(INCREMENT, ...args);
          throw err;
        });
      const [hits, ttlMs, blocked, blockMs] = reply as [number, number, number, number];
      return {
        totalHits: hits,
        timeToExpire: seconds(ttlMs),
        isBlocked: blocked === 1,
        timeToBlockExpire: seconds(blockMs),
      };
    } catch (err) {
      if (FAIL_CLOSED.has(throttlerName)) {
        throw new ServiceUnavailableProblem('Rate-limit storage is unavailable; try again later');
      }
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`rate-limit storage unavailable (${outageReason(err)}); not limiting`);
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
