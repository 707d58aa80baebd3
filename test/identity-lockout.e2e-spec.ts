import { DataSource } from 'typeorm';
import {
  auditRows,
  createStaff,
  IDENTITY_ENV,
  loginAs,
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
} from '@app/testing';

describe('identity: sign-in lockout per account and per IP', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** Signs in without a token; the tests pick the client address with X-Forwarded-For. */
  let anonymous: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({ label: 'identity-lockout', env: IDENTITY_ENV });
    db = d.api.get(DataSource);
    anonymous = staffClient(d);
  });
  afterAll(async () => d?.close());

  it('slows, then locks an account after repeated failures; a success resets', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    // From a different IP each time: the account lock does not depend on the per-IP one.
    const wrong = (i: number) =>
      anonymous
        .post('/auth/login', { email: inv.email, password: 'wrong-password!' })
        .set('X-Forwarded-For', `198.51.100.${i + 1}`);
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) await wrong(i).expect(401);
    // 0 + 250 + 500 + 1000 + 2000 ms of slowdown
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    const locked = await anonymous
      .post('/auth/login', { email: inv.email, password: inv.password })
      .expect(429);
    expect(locked.body.type).toBe('/problems/login-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    const [row] = (await db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [
      inv.id,
    ])) as Array<{ failed_logins: number; locked_until: Date }>;
    expect(row.failed_logins).toBe(5);
    expect(row.locked_until.getTime()).toBeGreaterThan(Date.now());
    expect(await auditRows(d, 'auth.locked')).toEqual(
      expect.arrayContaining([expect.objectContaining({ target_id: inv.id })]),
    );
    // The earlier token still works: a lock stops guessing, it does not sign the owner out.
    await inv.api.get('/me').expect(200);

    await db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      inv.id,
    ]);
    await loginAs(d, inv.email, inv.password);
    const [reset] = (await db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [
      inv.id,
    ])) as Array<{ failed_logins: number; locked_until: Date | null }>;
    expect(reset).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('locks an IP that fails across many accounts, not other IPs', async () => {
    const staff = await createStaff(d, { role: 'supervisor' });
    const from = (ip: string, email: string, password: string) =>
      anonymous.post('/auth/login', { email, password }).set('X-Forwarded-For', ip);
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test']) {
      await from('203.0.113.7', email, 'whatever-password').expect(401);
    }
    const locked = await from('203.0.113.7', staff.email, staff.password).expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
    await from('203.0.113.8', staff.email, staff.password).expect(200);
  });
});
