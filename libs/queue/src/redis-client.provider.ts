import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { redisConnectionOptions } from './redis';

/**
 * A plain ioredis connection for non-queue uses (health, rate-limit counters). Commands fail
 * fast instead of queueing while Redis is down, so callers can degrade.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new IORedis({
      ...redisConnectionOptions(config.redis.url),
      keyPrefix: `${config.redis.prefix}:`,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
