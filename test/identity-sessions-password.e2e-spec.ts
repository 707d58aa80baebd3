import { DataSource } from 'typeorm';
import {
  auditRows,
  BEHIND_LOOPBACK_PROXY,
  createStaff,
  IDENTITY_ENV,
  loginAs,
  newCase,
  SessionClient,
  signInSession,
  staffClient,
  startDeployment,
  TestDeployment,
} from '@app/testing';

/** Status codes counted: `{ 401: 5, 429: 95 }`. */
function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe('identity: own password change, shared lockout and region rules with the cookie', () => {
  let d: TestDeployment;
  let db: DataSource;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-sess-pw',
      worker: true,
      env: {
        ...IDENTITY_ENV,
        ...BEHIND_LOOPBACK_PROXY,
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      },
    });
    db = d.api.get(DataSource);
  });
  afterAll(async () => d?.close());

  it('changes the password: wrong current 400, then other sessions and old tokens die, own session lives', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    const mine = await signInSession(d, inv);
    const other = await signInSession(d, inv);
    const oldToken = inv.token;

    const wrong = await mine
      .post('/me/password', {
        currentPassword: 'not-the-password',
        newPassword: 'steppe-wind-over-atyrau-2026',
      })
      .expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    // Counted like a failed sign-in, and nothing changed.
    const failed = (await auditRows(d, 'auth.login_failed')).filter((r) => r.target_id === inv.id);
    expect(failed.map((r) => (r.detail as { purpose?: string }).purpose)).toContain(
      'password-change',
    );
    await other.get('/me').expect(200);
    await staffClient(d, oldToken).get('/me').expect(200);

    // Without the CSRF token the cookie cannot change it.
    await mine
      .post(
        '/me/password',
        { currentPassword: inv.password, newPassword: 'steppe-wind-over-atyrau-2026' },
        null,
      )
      .expect(403);
    // The policy applies (here: a common password), and so does "not the same one".
    const weak = await mine
      .post('/me/password', { currentPassword: inv.password, newPassword: 'password1234567890' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const same = await mine
      .post('/me/password', { currentPassword: inv.password, newPassword: inv.password })
      .expect(400);
    expect(same.body.errors[0].field).toBe('newPassword');

    await mine
      .post('/me/password', {
        currentPassword: inv.password,
        newPassword: 'steppe-wind-over-atyrau-2026',
      })
      .expect(204);
    await mine.get('/me').expect(200);
    await mine.get('/auth/session').expect(200);
    await other.get('/me').expect(401);
    await staffClient(d, oldToken).get('/me').expect(401);
    // The session it was made from refreshes and keeps working.
    expect((await mine.refresh()).status).toBe(200);
    await mine.get('/me').expect(200);

    expect(await new SessionClient(d).signIn(inv.email, inv.password)).toHaveProperty(
      'status',
      401,
    );
    const fresh = await loginAs(d, inv.email, 'steppe-wind-over-atyrau-2026');
    await staffClient(d, fresh).get('/me').expect(200);
    const [row] = (await auditRows(d, 'user.password_changed')).filter(
      (r) => r.target_id === inv.id,
    );
    expect(row.detail).toMatchObject({ via: 'session', sessionsRevoked: 1, tokensRevoked: true });
  });

  it('changes the password with a bearer token: every session and the token itself end', async () => {
    const sup = await createStaff(d, { role: 'supervisor' });
    const session = await signInSession(d, sup);
    await staffClient(d, sup.token)
      .post('/me/password', {
        currentPassword: sup.password,
        newPassword: 'a-long-winter-in-the-capital',
      })
      .expect(204);
    await session.get('/me').expect(401);
    await staffClient(d, sup.token).get('/me').expect(401);
  });

  it('checks no more passwords than the lockout allows across parallel /auth/session and /auth/login', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'kostanay' });
    const ip = '198.51.100.31';
    const checked = async () =>
      [
        ...(await auditRows(d, 'auth.login_failed')),
        ...(await auditRows(d, 'auth.locked')),
        ...(await auditRows(d, 'auth.login')),
      ].filter((r) => r.target_id === inv.id).length;
    const before = await checked();
    const anonymous = staffClient(d);
    const guesses = Array.from({ length: 60 }, (_, i) => {
      const password = `wrong-guess-${i}`;
      if (i % 2 === 0) return new SessionClient(d).signIn(inv.email, password, ip);
      return anonymous
        .post('/auth/login', { email: inv.email, password })
        .set('X-Forwarded-For', ip)
        .then((r) => r);
    });
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    // LOGIN_MAX_FAILURES = 5 for the (account, IP) pair: five checked, the rest refused unchecked.
    expect(tally(statuses)).toEqual({ 401: 5, 429: 55 });
    expect((await checked()) - before).toBe(5);
    const locked = await new SessionClient(d).signIn(inv.email, inv.password, ip);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a wrong current password counts toward the same lock as sign-in', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'pavlodar' });
    // createStaff signed in from loopback; the password checks here are from one address too.
    const session = new SessionClient(d);
    await session.signIn(inv.email, inv.password, '198.51.100.32');
    for (let i = 0; i < 4; i += 1) {
      await session
        .post('/me/password', {
          currentPassword: `wrong-${i}`,
          newPassword: 'irtysh-river-ice-2026',
        })
        .set('X-Forwarded-For', '198.51.100.32')
        .expect(400);
    }
    // The fifth failure of the pair sets its lock: then even the right password is a 429.
    await session
      .post('/me/password', { currentPassword: 'wrong-5', newPassword: 'irtysh-river-ice-2026' })
      .set('X-Forwarded-For', '198.51.100.32')
      .expect(400);
    const locked = await session
      .post('/me/password', { currentPassword: inv.password, newPassword: 'irtysh-river-ice-2026' })
      .set('X-Forwarded-For', '198.51.100.32')
      .expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(
      await new SessionClient(d).signIn(inv.email, inv.password, '198.51.100.32'),
    ).toHaveProperty('status', 429);
  });

  it("keeps the region rule for an investigator's cookie: 403 on another region's case", async () => {
    const caseId = await newCase(d, {}); // the reporter's region in validReportBody
    const [{ region }] = (await db.query(`SELECT region FROM cases WHERE id = $1`, [caseId])) as {
      region: string;
    }[];
    const other = region === 'astana' ? 'atyrau' : 'astana';
    const stranger = await signInSession(
      d,
      await createStaff(d, { role: 'investigator', region: other }),
    );
    const local = await signInSession(
      d,
      await createStaff(d, { role: 'investigator', region: region as 'almaty_city' }),
    );
    await stranger.get(`/cases/${caseId}`).expect(403);
    await stranger.post(`/cases/${caseId}/claim`).expect(403);
    await local.get(`/cases/${caseId}`).expect(200);
    await local.post(`/cases/${caseId}/claim`).expect(200);
    // A supervisor-only route stays closed to an investigator's cookie.
    await local.post(`/cases/${caseId}/assign`, { assigneeId: caseId }).expect(403);
  });
});
