/**
 * Environment of the identity suites (sign-in, users, lockout, rate limits): low limits, so a
 * lockout or a 429 shows after a handful of requests.
 */
export const IDENTITY_ENV: Record<string, string> = {
  LOGIN_IP_MAX_FAILURES: '4',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
  RATE_LIMIT_REFERENCE_PER_WINDOW: '3',
};
