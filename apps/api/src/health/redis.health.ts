import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '@app/queue';

/** Redis is healthy when it answers PING within the timeout. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly client: RedisClient,
  ) {}

  async isHealthy(key = 'redis') {
    const check = this.indicator.check(key);
    try {
      const pong = await Promise.race([
        this.client.redis.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
      ]);
      return pong === 'PONG' ? check.up() : check.down({ message: 'unexpected reply' });
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }
}
