import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse, serialize } from 'cookie';

/** Name of the console's session cookie (the contract in docs/access.md). */
export const SESSION_COOKIE = 'fraud_session';
/** The cookie is sent to the API only, never to the static pages. */
export const SESSION_COOKIE_PATH = '/api/v1';
/** Header an unsafe cookie request must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** 256 random bits, base64url: the cookie value, which only its holder knows. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The CSRF token of a session value: an HMAC under a server key, so `GET /auth/session` can
 * hand it out again without the table holding it (the table keeps only its digest), and a new
 * cookie value (a refresh) brings a new token.
 */
export function csrfTokenFor(sessionSecret: string, key: string): string {
  return createHmac('sha256', key).update(`csrf\n${sessionSecret}`).digest('base64url');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The session cookie's value in a Cookie header, or null. */
export function sessionCookieOf(header: string | undefined): string | null {
  if (!header) return null;
  const value = parse(header)[SESSION_COOKIE];
  // Our values are 43 base64url characters; anything else is not worth a database lookup.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function sessionSetCookie(value: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: SESSION_COOKIE_PATH,
    expires: expiresAt,
  });
}

/** Clears the cookie (same name, path and flags, already expired). */
export function sessionClearCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: SESSION_COOKIE_PATH,
    expires: new Date(0),
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** POST, PUT, PATCH, DELETE (and anything unknown) change state and need the CSRF header. */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
