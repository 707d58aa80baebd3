import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueModule, RedisClient } from '@app/queue';
import { RATE_LIMITS_KEY, RateLimitName } from './rate-limit.decorator';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const reflector = new Reflector();
const REFERENCE_WINDOW_MS = 15 * 60_000;

function optedIn(name: RateLimitName) {
  return (context: ExecutionContext): boolean => {
    const names = reflector.getAllAndOverride<RateLimitName[] | undefined>(RATE_LIMITS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    return names?.includes(name) ?? false;
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

export function rateLimitThrottlers(config: AppConfig): ThrottlerOptions[] {
  return [
    {
      name: 'public',
      ttl: 60_000,
      limit: config.rateLimits.publicPerMinute,
      skipIf: (context) => !optedIn('public')(context),
      // One bucket per IP across all opted-in routes, not one per route.
      generateKey: (_context, tracker) => digest(`ip:${tracker}`),
    },
    {
      name: 'reference',
      ttl: REFERENCE_WINDOW_MS,
      limit: config.rateLimits.referencePerWindow,
      skipIf: (context) => {
        if (!optedIn('reference')(context)) return true;
        const params = context.switchToHttp().getRequest<{ params?: Record<string, string> }>();
        return !params.params?.reference;
      },
      getTracker: (req: { params?: Record<string, string> }) =>
        String(req.params?.reference ?? '').toUpperCase(),
      generateKey: (_context, tracker) => digest(`ref:${tracker}`),
    },
  ];
}

/**
 * Global rate limiting (ThrottlerGuard as APP_GUARD) with Redis counters. Routes opt in with
 * `@RateLimit(...)` (see rate-limit.decorator.ts).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [QueueModule],
      inject: [APP_CONFIG, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: rateLimitThrottlers(config),
        storage: new RedisThrottlerStorage(redis),
        errorMessage: 'Too many requests; try again later',
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class RateLimitModule {}
