/**
 * Environment of the identity suites (sign-in, users, lockout, rate limits): low limits, so a
 * lockout or a 429 shows after a handful of requests.
 */
export const IDENTITY_ENV: Record<string, string> = {
  LOGIN_IP_MAX_FAILURES: '4',
  LOGIN_ACCOUNT_MAX_FAILURES: '10',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
  RATE_LIMIT_REFERENCE_PER_WINDOW: '3',
};

/**
 * Opt-in for suites that pick the client address with `X-Forwarded-For`: supertest connects
 * from loopback, and the API believes the header only from a configured proxy.
 */
export const BEHIND_LOOPBACK_PROXY: Record<string, string> = { TRUSTED_PROXIES: 'loopback' };
