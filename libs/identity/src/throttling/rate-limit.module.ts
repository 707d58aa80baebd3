import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { normalizeReference } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueModule, RedisClient } from '@app/queue';
import { RATE_LIMITS_KEY, RateLimitName } from './rate-limit.decorator';
import { PublicThrottlerGuard } from './public-throttler.guard';
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

type WithParams = { params?: Record<string, string> };

/**
 * The canonical reference of the request, or null when the param cannot be one: such a request
 * gets its 404 from PathIdPipe and no bucket of its own (junk values would each make one).
 */
const referenceOf = (req: WithParams): string | null => normalizeReference(req.params?.reference);

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
      skipIf: (context) =>
        !optedIn('reference')(context) ||
        referenceOf(context.switchToHttp().getRequest<WithParams>()) === null,
      // One bucket per reference however it is spelt (` fr-2026-000001 ` is FR-2026-000001).
      getTracker: (req: WithParams) => referenceOf(req) ?? '',
      generateKey: (_context, tracker) => digest(`ref:${tracker}`),
    },
    {
      name: 'lookup',
      ttl: 60_000,
      limit: config.rateLimits.lookupPerMinute,
      skipIf: (context) => !optedIn('lookup')(context),
      generateKey: (_context, tracker) => digest(`lookup-ip:${tracker}`),
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
  providers: [{ provide: APP_GUARD, useClass: PublicThrottlerGuard }],
})
export class RateLimitModule {}
