import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditLog, AuditService } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { User } from '@app/identity';
import { RedisClient } from '@app/queue';
import { BootstrapAdminService } from '../libs/identity/src/bootstrap/bootstrap-admin.service';
import { RedisThrottlerStorage } from '../libs/identity/src/throttling/redis-throttler.storage';
import { verifyPassword } from '../libs/identity/src/users/password';
import {
  adminToken,
  createStaff,
  createTestDatabase,
  loginAs,
  startDeployment,
  TEST_JWT_SECRET,
  TestDatabase,
  TestDeployment,
  testEnv,
} from '@app/testing';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('access: sign-in, /me, admin user management, revocation', () => {
  let d: TestDeployment;
  let db: DataSource;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'access-auth',
      env: {
        LOGIN_IP_MAX_FAILURES: '4',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '3',
      },
    });
    db = d.api.get(DataSource);
  });
  afterAll(async () => d?.close());

  const auditRows = (action: string) =>
    db.query(`SELECT * FROM audit_log WHERE action = $1 ORDER BY id`, [action]) as Promise<
      Array<Record<string, unknown>>
    >;

  it('creates the bootstrap admin once, with an argon2id hash', async () => {
    const rows = (await db.query(`SELECT email, role, region, password_hash FROM users`)) as Array<{
      email: string;
      role: string;
      region: string | null;
      password_hash: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'admin@police.test', role: 'admin', region: null });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('signs in and answers /me', async () => {
    const res = await d
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ADMIN@police.test', password: 'admin-password-123' })
      .expect(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { email: 'admin@police.test', role: 'admin', region: null, active: true },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await d.http().get('/api/v1/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ email: 'admin@police.test', role: 'admin' });
  });

  it('answers 401 problems for missing, malformed, forged and expired tokens', async () => {
    const noToken = await d.http().get('/api/v1/me').expect(401);
    expect(noToken.headers['content-type']).toContain('application/problem+json');
    expect(noToken.body).toMatchObject({ status: 401, type: '/problems/unauthorized' });
    await d.http().get('/api/v1/me').set('Authorization', 'Bearer nope').expect(401);
    await d.http().get('/api/v1/me').set('Authorization', 'Basic abc').expect(401);
    const admin = await adminToken(d);
    const [id] = (await db.query(`SELECT id FROM users LIMIT 1`)) as Array<{ id: string }>;
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({
      sub: id.id,
      tv: 0,
    });
    await d.http().get('/api/v1/me').set(bearer(forged)).expect(401);
    const expired = await new JwtService({ secret: TEST_JWT_SECRET }).signAsync({
      sub: id.id,
      tv: 0,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    await d.http().get('/api/v1/me').set(bearer(expired)).expect(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: id.id, tv: 0 }),
    ).toString('base64url')}.`;
    await d.http().get('/api/v1/me').set(bearer(none)).expect(401);
    await d.http().get('/api/v1/me').set(bearer(admin)).expect(200);
  });

  it('creates, lists and updates staff; validates role and region', async () => {
    const admin = await adminToken(d);
    const inv = await createStaff(d, { role: 'investigator', region: 'astana' });
    const me = await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(200);
    expect(me.body).toMatchObject({ id: inv.id, role: 'investigator', region: 'astana' });

    const noRegion = await d
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'x1@police.test',
        password: 'long-enough-pw-1',
        fullName: 'Xy',
        role: 'investigator',
      })
      .expect(400);
    expect(noRegion.body.errors).toEqual([
      { field: 'region', message: 'region is required for investigators' },
    ]);
    await d
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'x2@police.test', password: 'short', fullName: 'Xy', role: 'supervisor' })
      .expect(400);
    await d
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'x3@police.test',
        password: 'long-enough-pw-1',
        fullName: 'Xy',
        role: 'supervisor',
        isAdmin: true,
      })
      .expect(400);
    const dup = await d
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: inv.email.toUpperCase(),
        password: 'long-enough-pw-1',
        fullName: 'Dup',
        role: 'admin',
      })
      .expect(409);
    expect(dup.body.type).toBe('/problems/email-taken');

    const national = await createStaff(d, { role: 'supervisor' });
    const list = await d
      .http()
      .get('/api/v1/admin/users?role=supervisor')
      .set(bearer(admin))
      .expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([national.id]);
    expect(list.body.items[0]).toMatchObject({ region: null, active: true });

    const moved = await d
      .http()
      .patch(`/api/v1/admin/users/${inv.id}`)
      .set(bearer(admin))
      .send({ role: 'supervisor', region: null })
      .expect(200);
    expect(moved.body).toMatchObject({ role: 'supervisor', region: null });
    // Role and region are read live: the same token now acts as a national supervisor.
    const after = await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(200);
    expect(after.body).toMatchObject({ role: 'supervisor', region: null });
    await d
      .http()
      .patch(`/api/v1/admin/users/${inv.id}`)
      .set(bearer(admin))
      .send({ role: 'investigator' })
      .expect(400);
    await d.http().patch('/api/v1/admin/users/not-a-uuid').set(bearer(admin)).send({}).expect(404);
    await d
      .http()
      .patch('/api/v1/admin/users/00000000-0000-4000-8000-000000000000')
      .set(bearer(admin))
      .send({ fullName: 'Nobody' })
      .expect(404);
    const created = await auditRows('user.created');
    expect(created.length).toBeGreaterThanOrEqual(2);
    const updated = await auditRows('user.updated');
    expect(updated[0]).toMatchObject({ target_type: 'user', target_id: inv.id });
    expect(JSON.stringify(updated)).not.toContain('long-enough');
  });

  it('deactivation kills existing tokens at once and blocks sign-in', async () => {
    const admin = await adminToken(d);
    const inv = await createStaff(d, { role: 'investigator', region: 'karaganda' });
    await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(200);
    const res = await d
      .http()
      .patch(`/api/v1/admin/users/${inv.id}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    expect(res.body.active).toBe(false);
    await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(401);
    const login = await d
      .http()
      .post('/api/v1/auth/login')
      .send({ email: inv.email, password: inv.password })
      .expect(401);
    expect(login.body.detail).toBe('Email or password is wrong');
    // Reactivating does not revive the old token (token_version was bumped), only new sign-ins.
    await d
      .http()
      .patch(`/api/v1/admin/users/${inv.id}`)
      .set(bearer(admin))
      .send({ active: true })
      .expect(200);
    await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(401);
    const fresh = await loginAs(d, inv.email, inv.password);
    await d.http().get('/api/v1/me').set(bearer(fresh)).expect(200);
  });

  it('a password change revokes tokens', async () => {
    const admin = await adminToken(d);
    const sup = await createStaff(d, { role: 'supervisor', region: 'astana' });
    await d
      .http()
      .patch(`/api/v1/admin/users/${sup.id}`)
      .set(bearer(admin))
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    await d.http().get('/api/v1/me').set(bearer(sup.token)).expect(401);
    await loginAs(d, sup.email, 'a-brand-new-password');
  });

  it('never lets the last active admin be deactivated or demoted', async () => {
    const admin = await adminToken(d);
    const [{ id }] = (await db.query(
      `SELECT id FROM users WHERE email = 'admin@police.test'`,
    )) as Array<{
      id: string;
    }>;
    const res = await d
      .http()
      .patch(`/api/v1/admin/users/${id}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(409);
    expect(res.body.type).toBe('/problems/last-admin');
    await d
      .http()
      .patch(`/api/v1/admin/users/${id}`)
      .set(bearer(admin))
      .send({ role: 'supervisor' })
      .expect(409);
  });

  it('denies non-admins the admin API with an audited 403', async () => {
    const sup = await createStaff(d, { role: 'supervisor' });
    const res = await d.http().get('/api/v1/admin/users').set(bearer(sup.token)).expect(403);
    expect(res.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    const denied = await auditRows('access.denied');
    expect(denied.at(-1)).toMatchObject({
      actor_id: sup.id,
      actor_role: 'supervisor',
      route: 'GET /api/v1/admin/users',
      detail: { reason: 'role', required: ['admin'] },
    });
  });

  it('slows, then locks an account after repeated failures; a success resets', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'atyrau' });
    // From a different IP each time: the account lock does not depend on the per-IP one.
    const wrong = (i: number) =>
      d
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ email: inv.email, password: 'wrong-password!' });
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) await wrong(i).expect(401);
    // 0 + 250 + 500 + 1000 + 2000 ms of slowdown
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    const locked = await d
      .http()
      .post('/api/v1/auth/login')
      .send({ email: inv.email, password: inv.password })
      .expect(429);
    expect(locked.body.type).toBe('/problems/login-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    const [row] = (await db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [
      inv.id,
    ])) as Array<{ failed_logins: number; locked_until: Date }>;
    expect(row.failed_logins).toBe(5);
    expect(row.locked_until.getTime()).toBeGreaterThan(Date.now());
    expect(await auditRows('auth.locked')).toEqual(
      expect.arrayContaining([expect.objectContaining({ target_id: inv.id })]),
    );
    // The earlier token still works: a lock stops guessing, it does not sign the owner out.
    await d.http().get('/api/v1/me').set(bearer(inv.token)).expect(200);

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
      d.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test']) {
      await from('203.0.113.7', email, 'whatever-password').expect(401);
    }
    const locked = await from('203.0.113.7', staff.email, staff.password).expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
    await from('203.0.113.8', staff.email, staff.password).expect(200);
  });

  it('limits public endpoints per IP, one bucket for all of them', async () => {
    const from = (ip: string) => d.http().post('/api/v1/reports').set('X-Forwarded-For', ip);
    for (let i = 0; i < 5; i += 1) {
      const res = await from('192.0.2.10').send({});
      expect(res.status).toBe(400);
      expect(res.headers['x-ratelimit-limit-public']).toBe('5');
    }
    const limited = await from('192.0.2.10').send({});
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(Number(limited.headers['retry-after-public'])).toBeGreaterThan(0);
    await d
      .http()
      .get('/api/v1/reports/FR-2000-000001/status')
      .set('X-Forwarded-For', '192.0.2.10')
      .expect(429);
    expect((await from('192.0.2.11').send({})).status).toBe(400);
    // Staff routes and ops probes are not limited.
    await d.http().get('/health/live').set('X-Forwarded-For', '192.0.2.10').expect(200);
    await d.http().get('/api/v1/me').set('X-Forwarded-For', '192.0.2.10').expect(401);
  });

  it('limits access-code guesses per reference, whatever the IP', async () => {
    const guess = (i: number) =>
      d
        .http()
        .get('/api/v1/reports/FR-2000-000777/status')
        .set('X-Forwarded-For', `192.0.2.${100 + i}`)
        .set('X-Access-Code', `WRONG${i}`);
    for (let i = 0; i < 3; i += 1) expect((await guess(i)).status).toBe(404);
    expect((await guess(3)).status).toBe(429);
    expect(
      (
        await d
          .http()
          .get('/api/v1/reports/FR-2000-000778/status')
          .set('X-Forwarded-For', '192.0.2.200')
      ).status,
    ).toBe(404);
  });

  it('shares counters between API replicas through Redis', async () => {
    const replicas = [new RedisClient(d.config), new RedisClient(d.config)];
    try {
      // The clients do not queue commands while connecting (they fail open instead).
      await Promise.all(
        replicas.map((r) =>
          r.redis.status === 'ready' ? null : new Promise((ok) => r.redis.once('ready', ok)),
        ),
      );
      const [a, b] = replicas.map((client) => new RedisThrottlerStorage(client));
      const key = `replica-test-${Date.now()}`;
      expect((await a.increment(key, 60_000, 2, 60_000, 'public')).totalHits).toBe(1);
      expect((await b.increment(key, 60_000, 2, 60_000, 'public')).totalHits).toBe(2);
      const third = await a.increment(key, 60_000, 2, 60_000, 'public');
      expect(third).toMatchObject({ totalHits: 3, isBlocked: true });
      expect((await b.increment(key, 60_000, 2, 60_000, 'public')).isBlocked).toBe(true);
    } finally {
      await Promise.all(replicas.map((r) => r.onApplicationShutdown()));
    }
  });
});

describe('access: first-admin bootstrap', () => {
  let tdb: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    tdb = await createTestDatabase('access-boot');
    ds = await new DataSource({
      ...dataSourceOptions(tdb.url),
      entities: [User, AuditLog],
    }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await tdb?.drop();
  });

  it('generates and prints a password once when none is configured; never twice', async () => {
    const config = loadConfig(
      testEnv(tdb, { BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: '' }),
    );
    const service = new BootstrapAdminService(
      config,
      ds,
      new AuditService(ds.getRepository(AuditLog)),
    );
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await Promise.all([service.onApplicationBootstrap(), service.onApplicationBootstrap()]);
      await service.onApplicationBootstrap();
      expect(printed).toHaveBeenCalledTimes(1);
      const line = String(printed.mock.calls[0][0]);
      const password = /password (\S+)/.exec(line)?.[1] ?? '';
      expect(line).toContain('admin@localhost');
      expect(password.length).toBeGreaterThanOrEqual(20);
      const rows = (await ds.query(`SELECT email, password_hash FROM users`)) as Array<{
        email: string;
        password_hash: string;
      }>;
      expect(rows).toHaveLength(1);
      expect(rows[0].email).toBe('admin@localhost');
      expect(await verifyPassword(rows[0].password_hash, password)).toBe(true);
    } finally {
      printed.mockRestore();
    }
  });
});
