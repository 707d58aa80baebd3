import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { problemResponse } from '@app/common';

/**
 * Named limits, configured in `rate-limit.module.ts` from `RATE_LIMIT_*`:
 * - `public`: requests per minute per client IP (`RATE_LIMIT_PUBLIC_PER_MINUTE`), one bucket
 *   shared by every route that opts in;
 * - `reference`: requests per 15 minutes per report reference, i.e. per `:reference` route
 *   param (`RATE_LIMIT_REFERENCE_PER_WINDOW`), shared by every route that opts in, so guessing
 *   an access code is slow whichever endpoint is used. The reference is canonicalised first
 *   (`normalizeReference`); a param that cannot be a reference gets no bucket (its 404 is
 *   PathIdPipe's).
 * - `lookup`: public identifier lookups per minute per client IP (`RATE_LIMIT_LOOKUP_PER_MINUTE`).
 *   A bucket apart from `public`: checking numbers must not use up a citizen's report filing, and
 *   the lookup, which answers from everyone's reports, wants a tighter limit than filing.
 */
export const RATE_LIMIT_NAMES = ['public', 'reference', 'lookup'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

export const RATE_LIMITS_KEY = 'identity:rate-limits';

/**
 * Opts a route (or a whole controller) into named limits; routes without it are not limited.
 * Counters live in Redis, so the limits hold across API replicas. Over the limit: 429 problem
 * with `Retry-After` (seconds; `Retry-After-<name>` too). Examples (citizen endpoints):
 *
 *   @RateLimit('public')                 // POST /reports
 *   @RateLimit('public', 'reference')    // GET /reports/:reference/status, evidence, statements
 *
 * To change a number for one route, add `@Throttle({ public: { limit: 5, ttl: 60_000 } })` from
 * `@nestjs/throttler` as well (ttl in ms).
 */
export const RateLimit = (...names: RateLimitName[]) =>
  applyDecorators(
    SetMetadata(RATE_LIMITS_KEY, names),
    ApiResponse({
      status: 429,
      ...problemResponse(429, `Over the ${names.join(' or ')} rate limit`),
      headers: Object.fromEntries(
        names.map((name) => [
          `Retry-After-${name}`,
          {
            description: `Seconds until the ${name} limit admits another request`,
            schema: { type: 'integer', minimum: 0 },
          },
        ]),
      ),
    }),
  );
