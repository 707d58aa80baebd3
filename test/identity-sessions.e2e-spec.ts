import { DataSource } from 'typeorm';
import {
  adminToken,
  auditRows,
  createStaff,
  IDENTITY_ENV,
  SessionBody,
  SessionClient,
  sessionCookieAttributes,
  sessionCookieSet,
  signInSession,
  staffClient,
  startDeployment,
  TestDeployment,
  TestStaff,
} from '@app/testing';

const HOUR = 3_600_000;

describe('identity: console cookie sessions (sign-in, CSRF, refresh, expiry, sign-out)', () => {
  let d: TestDeployment;
  let db: DataSource;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    d = await startDeployment({ label: 'identity-sessions', env: IDENTITY_ENV });
    db = d.api.get(DataSource);
    admin = { email: d.env.BOOTSTRAP_ADMIN_EMAIL, password: d.env.BOOTSTRAP_ADMIN_PASSWORD };
  });
  afterAll(async () => d?.close());

  const sessionRow = async (userId: string) =>
    (
      (await db.query(
        `SELECT * FROM staff_sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [userId],
      )) as Array<Record<string, unknown>>
    )[0];

  it('signs in with an HttpOnly SameSite=Strict cookie and no token in the body', async () => {
    const client = new SessionClient(d);
    const before = Date.now();
    const res = await client.signIn('ADMIN@police.test', admin.password);
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as SessionBody & Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'expiresAt', 'idleExpiresAt', 'user']);
    expect(body.user).toMatchObject({ email: 'admin@police.test', role: 'admin' });
    expect(body.accessToken).toBeUndefined();
    const expiresAt = Date.parse(body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 12 * HOUR - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 12 * HOUR + 1000);
    expect(Date.parse(body.idleExpiresAt)).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);

    const attrs = sessionCookieAttributes(res);
    expect(attrs).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1' });
    expect(attrs.secure).toBeUndefined(); // COOKIE_SECURE=false in tests; see the secure suite
    expect(client.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(body)).not.toContain(client.cookie);

    // Only digests are stored: neither the cookie value nor the CSRF token is in the table.
    const row = await sessionRow(body.user.id);
    expect(JSON.stringify(row)).not.toContain(client.cookie);
    expect(JSON.stringify(row)).not.toContain(body.csrfToken);
  });

  it('signs staff routes in with the cookie; GET /auth/session answers the same CSRF token', async () => {
    const client = await signInSession(d, admin);
    const me = await client.get('/me').expect(200);
    expect(me.body).toMatchObject({ email: 'admin@police.test', role: 'admin' });
    const current = await client.get('/auth/session').expect(200);
    expect(current.body).toMatchObject({ csrfToken: client.csrf, user: { role: 'admin' } });
    await client.get('/admin/users').expect(200);
  });

  it('answers 401 to GET /auth/session without a cookie or with an unknown one', async () => {
    await new SessionClient(d).get('/auth/session').expect(401);
    const fake = new SessionClient(d);
    fake.cookie = 'A'.repeat(43);
    await fake.get('/auth/session').expect(401);
    await fake.get('/me').expect(401);
  });

  it('refuses an unsafe cookie request without or with a wrong X-CSRF-Token, changing nothing', async () => {
    const target = await createStaff(d, { role: 'supervisor' });
    const client = await signInSession(d, admin);
    const missing = await client
      .patch(`/admin/users/${target.id}`, { fullName: 'Changed By Forgery' }, null)
      .expect(403);
    expect(missing.body.type).toMatch(/csrf-token-missing$/);
    const wrong = await client
      .patch(`/admin/users/${target.id}`, { fullName: 'Changed By Forgery' }, 'x'.repeat(43))
      .expect(403);
    expect(wrong.body.type).toMatch(/csrf-token-invalid$/);
    // Another session's token is as wrong as a made-up one.
    const other = await signInSession(d, admin);
    await client
      .patch(`/admin/users/${target.id}`, { fullName: 'Changed By Forgery' }, other.csrf)
      .expect(403);
    const [row] = (await db.query(`SELECT full_name FROM users WHERE id = $1`, [target.id])) as {
      full_name: string;
    }[];
    expect(row.full_name).toBe('Test supervisor');
    const denials = (await auditRows(d, 'access.denied')).filter((r) =>
      (r.detail as { reason?: string } | null)?.reason?.startsWith('csrf-'),
    );
    expect(denials.length).toBeGreaterThanOrEqual(3);

    await client.patch(`/admin/users/${target.id}`, { fullName: 'Renamed Properly' }).expect(200);
    // A bearer request needs no CSRF token, even with a cookie beside it.
    await staffClient(d, await adminToken(d))
      .patch(`/admin/users/${target.id}`, { fullName: 'Renamed By Bearer' })
      .set('Cookie', `fraud_session=${client.cookie}`)
      .expect(200);
  });

  it('refresh rotates the id: the old one is dead at once, and replaying it revokes the session', async () => {
    const client = await signInSession(d, admin);
    const oldCookie = client.cookie!;
    const oldCsrf = client.csrf!;
    const res = await client.refresh();
    expect(res.status).toBe(200);
    expect(client.cookie).not.toBe(oldCookie);
    expect(client.csrf).not.toBe(oldCsrf);
    expect(sessionCookieAttributes(res)).toMatchObject({ httponly: true, samesite: 'Strict' });
    await client.get('/me').expect(200);

    const thief = new SessionClient(d);
    thief.cookie = oldCookie;
    thief.csrf = oldCsrf;
    await thief.get('/me').expect(401);
    // The replay revoked the whole session: the holder's new id is dead too.
    await client.get('/me').expect(401);
    const row = await sessionRow((res.body as SessionBody).user.id);
    expect(row.revoked_reason).toBe('replay');
    expect((await auditRows(d, 'auth.session_replayed')).length).toBeGreaterThanOrEqual(1);
  });

  it('refresh needs the CSRF token too', async () => {
    const client = await signInSession(d, admin);
    const cookie = client.cookie;
    await client.post('/auth/session/refresh', {}, null).expect(403);
    await client.post('/auth/session/refresh', {}, 'nope').expect(403);
    expect(client.cookie).toBe(cookie);
    await client.get('/me').expect(200);
  });

  it('ends a session idle past SESSION_IDLE_MINUTES and one past its absolute end', async () => {
    const idle = await signInSession(d, admin);
    const idleId = await sessionIdOf(idle);
    await db.query(
      `UPDATE staff_sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1`,
      [idleId],
    );
    await idle.get('/me').expect(401);
    await idle.refresh().then((r) => expect(r.status).toBe(401));

    const old = await signInSession(d, admin);
    const oldId = await sessionIdOf(old);
    await db.query(
      `UPDATE staff_sessions SET expires_at = now() - interval '1 second',
              idle_expires_at = now() - interval '1 second' WHERE id = $1`,
      [oldId],
    );
    await old.get('/me').expect(401);
  });

  it('a refresh restarts the idle timer but never moves the absolute end', async () => {
    const client = await signInSession(d, admin);
    const id = await sessionIdOf(client);
    // Ten minutes of the working day left: the idle end is capped there.
    await db.query(
      `UPDATE staff_sessions SET expires_at = now() + interval '10 minutes',
              idle_expires_at = now() + interval '1 minute' WHERE id = $1`,
      [id],
    );
    const res = await client.refresh();
    expect(res.status).toBe(200);
    const body = res.body as SessionBody;
    expect(body.idleExpiresAt).toBe(body.expiresAt);
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1000);
  });

  it('sign-out needs the CSRF token, then revokes the session and clears the cookie', async () => {
    const client = await signInSession(d, admin);
    await client.delete('/auth/session', null).expect(403);
    await client.get('/me').expect(200);
    const res = await client.delete('/auth/session').expect(204);
    expect(sessionCookieSet(res)).toBe('');
    expect(sessionCookieAttributes(res).expires).toMatch(/1970/);
    await client.get('/me').expect(401);
    await client.get('/auth/session').expect(401);
    await client.delete('/auth/session').expect(401);
  });

  it('ends every session of an account an admin deactivates or gives a new password', async () => {
    const staff: TestStaff = await createStaff(d, { role: 'supervisor' });
    const a = await signInSession(d, staff);
    const b = await signInSession(d, staff);
    const adminApi = staffClient(d, await adminToken(d));
    await adminApi
      .patch(`/admin/users/${staff.id}`, { password: 'a-brand-new-password-for-reset' })
      .expect(200);
    await a.get('/me').expect(401);
    await b.get('/me').expect(401);
    const c = await signInSession(d, { ...staff, password: 'a-brand-new-password-for-reset' });
    await adminApi.patch(`/admin/users/${staff.id}`, { active: false }).expect(200);
    await c.get('/me').expect(401);
  });

  async function sessionIdOf(client: SessionClient): Promise<string> {
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(client.cookie!).digest('hex');
    const [row] = (await db.query(`SELECT id FROM staff_sessions WHERE token_hash = $1`, [
      hash,
    ])) as { id: string }[];
    return row.id;
  }
});
