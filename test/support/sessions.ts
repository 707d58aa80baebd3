import type { Response, Test } from 'supertest';
import { API_PREFIX } from './staff-client';
import type { TestDeployment } from './test-app';

/** What `POST /auth/session` and friends answer. */
export interface SessionBody {
  user: { id: string; email: string; role: string; region: string | null };
  expiresAt: string;
  idleExpiresAt: string;
  csrfToken: string;
}

/** The `fraud_session` value a response sets ('' when it clears it), or undefined. */
export function sessionCookieSet(res: Response): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((c) => c.startsWith('fraud_session='));
  return line === undefined ? undefined : line.slice('fraud_session='.length).split(';')[0];
}

/** The attributes of the `fraud_session` Set-Cookie line, lower-cased names. */
export function sessionCookieAttributes(res: Response): Record<string, string | true> {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((c) => c.startsWith('fraud_session='));
  if (!line) throw new Error('no fraud_session cookie set');
  return Object.fromEntries(
    line
      .split(';')
      .slice(1)
      .map((part) => {
        const [name, ...value] = part.trim().split('=');
        return [name.toLowerCase(), value.length ? value.join('=') : true];
      }),
  );
}

/**
 * A browser-like caller of the console: holds the session cookie it was given and sends the
 * CSRF token on unsafe methods (unless told `csrf: null` or another value). Paths are relative
 * to /api/v1. `cookie` and `csrf` are public so a test can keep an old one and replay it.
 */
export class SessionClient {
  cookie?: string;
  csrf?: string;

  constructor(readonly d: TestDeployment) {}

  /** `POST /auth/session`; on 201 keeps the cookie and the CSRF token. */
  async signIn(email: string, password: string, ip?: string): Promise<Response> {
    let req = this.d.http().post(`${API_PREFIX}/auth/session`);
    if (ip) req = req.set('X-Forwarded-For', ip);
    const res = await req.send({ email, password });
    if (res.status === 201) this.take(res);
    return res;
  }

  /** `POST /auth/session/refresh`; on 200 keeps the new cookie and token. */
  async refresh(): Promise<Response> {
    const res = await this.post('/auth/session/refresh');
    if (res.status === 200) this.take(res);
    return res;
  }

  get(path: string): Test {
    return this.withCookie(this.d.http().get(`${API_PREFIX}${path}`), null);
  }

  post(path: string, body: unknown = {}, csrf: string | null | undefined = this.csrf): Test {
    return this.withCookie(this.d.http().post(`${API_PREFIX}${path}`), csrf).send(body as object);
  }

  patch(path: string, body: unknown = {}, csrf: string | null | undefined = this.csrf): Test {
    return this.withCookie(this.d.http().patch(`${API_PREFIX}${path}`), csrf).send(body as object);
  }

  delete(path: string, csrf: string | null | undefined = this.csrf): Test {
    return this.withCookie(this.d.http().delete(`${API_PREFIX}${path}`), csrf);
  }

  private take(res: Response): void {
    this.cookie = sessionCookieSet(res);
    this.csrf = (res.body as SessionBody).csrfToken;
  }

  private withCookie(req: Test, csrf: string | null | undefined): Test {
    if (this.cookie) req = req.set('Cookie', `fraud_session=${this.cookie}`);
    return csrf ? req.set('X-CSRF-Token', csrf) : req;
  }
}

/** A signed-in console caller; throws unless sign-in answered 201. */
export async function signInSession(
  d: TestDeployment,
  who: { email: string; password: string },
): Promise<SessionClient> {
  const client = new SessionClient(d);
  const res = await client.signIn(who.email, who.password);
  if (res.status !== 201) {
    throw new Error(`session sign-in as ${who.email}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return client;
}
