import {
  csrfTokenFor,
  digest,
  isUnsafeMethod,
  newSessionSecret,
  sameDigest,
  sessionClearCookie,
  sessionCookieOf,
  sessionSetCookie,
} from './session-secrets';

describe('session secrets and cookies', () => {
  it('makes 256-bit base64url session ids, never the same twice', () => {
    const ids = new Set(Array.from({ length: 200 }, newSessionSecret));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('derives a CSRF token per session id and key', () => {
    const a = newSessionSecret();
    const b = newSessionSecret();
    expect(csrfTokenFor(a, 'k1')).toBe(csrfTokenFor(a, 'k1'));
    expect(csrfTokenFor(a, 'k1')).not.toBe(csrfTokenFor(b, 'k1'));
    expect(csrfTokenFor(a, 'k1')).not.toBe(csrfTokenFor(a, 'k2'));
    expect(csrfTokenFor(a, 'k1')).not.toContain(a);
  });

  it('compares digests in constant time and refuses empty or odd ones', () => {
    expect(sameDigest(digest('x'), digest('x'))).toBe(true);
    expect(sameDigest(digest('x'), digest('y'))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
    expect(sameDigest(digest('x'), 'abc')).toBe(false);
  });

  it('reads only a well-formed fraud_session cookie', () => {
    const id = newSessionSecret();
    expect(sessionCookieOf(`a=1; fraud_session=${id}; b=2`)).toBe(id);
    expect(sessionCookieOf(undefined)).toBeNull();
    expect(sessionCookieOf('fraud_session=short')).toBeNull();
    expect(sessionCookieOf(`fraud_session=${id}x`)).toBeNull();
    expect(sessionCookieOf(`other=${id}`)).toBeNull();
    expect(sessionCookieOf('fraud_session=%E0%A4%A')).toBeNull();
  });

  it('sets and clears the cookie with the contract flags', () => {
    const at = new Date('2026-12-02T18:00:00Z');
    expect(sessionSetCookie('v', at, true)).toBe(
      'fraud_session=v; Path=/api/v1; Expires=Wed, 02 Dec 2026 18:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
    );
    expect(sessionSetCookie('v', at, false)).not.toContain('Secure');
    expect(sessionClearCookie(true)).toMatch(
      /^fraud_session=; Path=\/api\/v1; Expires=Thu, 01 Jan 1970/,
    );
  });

  it('treats everything but GET, HEAD and OPTIONS as unsafe', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'].map(isUnsafeMethod)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
