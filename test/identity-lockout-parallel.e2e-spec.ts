import {
  auditRows,
  createStaff,
  IDENTITY_ENV,
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
} from '@app/testing';

/** Status codes of parallel sign-ins, counted: `{ 401: 5, 429: 95 }`. */
function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe('identity: the sign-in limits hold under parallel guesses', () => {
  let d: TestDeployment;
  let anonymous: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-lockout-par',
      env: { ...IDENTITY_ENV, TRUSTED_PROXIES: 'loopback' },
    });
    anonymous = staffClient(d);
  });
  afterAll(async () => d?.close());

  const login = (email: string, password: string, ip: string) =>
    anonymous.post('/auth/login', { email, password }).set('X-Forwarded-For', ip);

  async function checkedPasswords(userId: string): Promise<number> {
    const rows = [
      ...(await auditRows(d, 'auth.login_failed')),
      ...(await auditRows(d, 'auth.locked')),
      ...(await auditRows(d, 'auth.login')),
    ];
    return rows.filter((r) => r.target_id === userId).length;
  }

  it('checks no more than the attempts left, and a correct password after them is refused', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    const before = await checkedPasswords(inv.id); // createStaff signed in once
    for (let i = 0; i < 2; i += 1)
      await login(inv.email, 'wrong-password-0', '198.51.100.1').expect(401);
    // 3 attempts left: 13 parallel wrong guesses, then the right password.
    const statuses = (
      await Promise.all(
        Array.from({ length: 13 }, (_, i) => login(inv.email, `wrong-guess-${i}`, '198.51.100.1')),
      )
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: 3, 429: 10 });
    await login(inv.email, inv.password, '198.51.100.1').expect(429);
    expect((await checkedPasswords(inv.id)) - before).toBe(5);
  });

  it('checks at most LOGIN_MAX_FAILURES of 100 parallel guesses from one address', async () => {
    const sup = await createStaff(d, { role: 'supervisor' });
    const before = await checkedPasswords(sup.id);
    const guesses = Array.from({ length: 100 }, (_, i) =>
      login(sup.email, i === 60 ? sup.password : `wrong-guess-${i}`, '198.51.100.2'),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    const counts = tally(statuses);
    // The right password may be among the five checked; nothing past them is.
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBe(5);
    expect(counts[429]).toBe(95);
    expect((await checkedPasswords(sup.id)) - before).toBe(5);
  });

  it('checks at most LOGIN_ACCOUNT_MAX_FAILURES of 100 parallel guesses from 100 addresses', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'kostanay' });
    const before = await checkedPasswords(inv.id);
    const statuses = (
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          login(inv.email, `wrong-guess-${i}`, `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`),
        ),
      )
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: 10, 429: 90 });
    expect((await checkedPasswords(inv.id)) - before).toBe(10);
  });

  it('checks at most LOGIN_IP_MAX_FAILURES accounts of 100 parallel guesses from one address', async () => {
    const statuses = (
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          login(`nobody-${i}@x.test`, 'whatever-password', '198.51.100.77'),
        ),
      )
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: 4, 429: 96 });
  });
});
