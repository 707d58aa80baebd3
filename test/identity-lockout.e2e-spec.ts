import { DataSource } from 'typeorm';
import {
  adminToken,
  auditRows,
  BEHIND_LOOPBACK_PROXY,
  createStaff,
  IDENTITY_ENV,
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
} from '@app/testing';

describe('identity: sign-in lockout per (account, IP), per IP and per account', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** Signs in without a token; the tests pick the client address with X-Forwarded-For. */
  let anonymous: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-lockout',
      env: { ...IDENTITY_ENV, ...BEHIND_LOOPBACK_PROXY },
    });
    db = d.api.get(DataSource);
    anonymous = staffClient(d);
  });
  afterAll(async () => d?.close());

  const login = (email: string, password: string, ip: string) =>
    anonymous.post('/auth/login', { email, password }).set('X-Forwarded-For', ip);

  /** The account's pair row with the most failures (one row per client address). */
  const pairRow = async (userId: string) =>
    (
      (await db.query(
        `SELECT failures, locked_until FROM login_throttles WHERE scope = 'pair' AND user_id = $1
          ORDER BY failures DESC LIMIT 1`,
        [userId],
      )) as Array<{ failures: number; locked_until: Date | null }>
    )[0];

  it('an attacker at one address locks only that address out of the admin account', async () => {
    const email = d.env.BOOTSTRAP_ADMIN_EMAIL;
    const password = d.env.BOOTSTRAP_ADMIN_PASSWORD;
    const token = await adminToken(d);
    const [{ id }] = (await db.query(`SELECT id FROM users WHERE email = $1`, [email])) as Array<{
      id: string;
    }>;
    const started = Date.now();
    for (let i = 0; i < 5; i += 1)
      await login(email, `wrong-password-${i}`, '198.51.100.9').expect(401);
    // 0 + 250 + 500 + 1000 + 2000 ms of slowdown
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);

    const locked = await login(email, password, '198.51.100.9').expect(429);
    expect(locked.body.type).toBe('/problems/login-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await pairRow(id)).failures).toBe(5);
    expect(await auditRows(d, 'auth.locked')).toEqual(
      expect.arrayContaining([expect.objectContaining({ target_id: id })]),
    );
    // The owner, elsewhere, is not locked out; a lock does not sign out existing sessions either.
    const owner = await login(email, password, '203.0.113.200').expect(200);
    expect(owner.body.accessToken).toEqual(expect.any(String));
    await staffClient(d, token).get('/me').expect(200);
    // Still locked for the attacker's address after the owner's success.
    await login(email, password, '198.51.100.9').expect(429);

    await db.query(
      `UPDATE login_throttles SET locked_until = now() - interval '1 second'
        WHERE user_id = $1 AND locked_until IS NOT NULL`,
      [id],
    );
    await login(email, password, '198.51.100.9').expect(200);
    expect(await pairRow(id)).toEqual({ failures: 0, locked_until: null });
  });

  it('locks an address that fails across many distinct accounts, not other addresses', async () => {
    const staff = await createStaff(d, { role: 'supervisor' });
    // Retrying one account counts once towards the address' limit (LOGIN_IP_MAX_FAILURES: 4).
    for (let i = 0; i < 3; i += 1)
      await login('a@x.test', `whatever-${i}`, '203.0.113.7').expect(401);
    for (const email of ['b@x.test', 'c@x.test']) {
      await login(email, 'whatever-password', '203.0.113.7').expect(401);
    }
    await login(staff.email, staff.password, '203.0.113.7').expect(200);
    await login('d@x.test', 'whatever-password', '203.0.113.7').expect(401);
    const locked = await login(staff.email, staff.password, '203.0.113.7').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login(staff.email, staff.password, '203.0.113.8').expect(200);
  });

  it('pauses an account briefly after LOGIN_ACCOUNT_MAX_FAILURES failures from many addresses', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    // Two failures from each of five addresses: no pair reaches its limit, the account does.
    for (let i = 0; i < 10; i += 1) {
      await login(inv.email, `wrong-password-${i}`, `192.0.2.${10 + (i % 5)}`).expect(401);
    }
    const paused = await login(inv.email, inv.password, '192.0.2.99').expect(429);
    const wait = Number(paused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60); // LOGIN_ACCOUNT_LOCK_SECONDS: a pause, not a lockout
    await db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      inv.id,
    ]);
    await login(inv.email, inv.password, '192.0.2.99').expect(200);
    const [row] = (await db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [
      inv.id,
    ])) as Array<{ failed_logins: number; locked_until: Date | null }>;
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('a new password set by an admin lifts the locks of the account', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    for (let i = 0; i < 5; i += 1) await login(inv.email, `wrong-${i}-password`, '192.0.2.50');
    await login(inv.email, inv.password, '192.0.2.50').expect(429);
    const admin = staffClient(d, await adminToken(d));
    await admin.patch(`/admin/users/${inv.id}`, { password: 'a-fresh-password-2026' }).expect(200);
    await login(inv.email, 'a-fresh-password-2026', '192.0.2.50').expect(200);
  });
});
