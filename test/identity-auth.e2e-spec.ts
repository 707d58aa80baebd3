import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditLog, AuditService } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { User } from '@app/identity';
import { BootstrapAdminService } from '../libs/identity/src/bootstrap/bootstrap-admin.service';
import { verifyPassword } from '../libs/identity/src/users/password';
import {
  adminToken,
  createStaff,
  createTestDatabase,
  IDENTITY_ENV,
  loginAs,
  StaffClient,
  staffClient,
  startDeployment,
  TEST_JWT_SECRET,
  TestDatabase,
  TestDeployment,
  testEnv,
} from '@app/testing';

describe('identity: sign-in, /me and token revocation', () => {
  let d: TestDeployment;
  let db: DataSource;
  let admin: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({ label: 'identity-auth', env: IDENTITY_ENV });
    db = d.api.get(DataSource);
    admin = staffClient(d, await adminToken(d));
  });
  afterAll(async () => d?.close());

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
    const res = await staffClient(d)
      .post('/auth/login', { email: 'ADMIN@police.test', password: 'admin-password-123' })
      .expect(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { email: 'admin@police.test', role: 'admin', region: null, active: true },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const who = await staffClient(d, res.body.accessToken).get('/me').expect(200);
    expect(who.body).toMatchObject({ email: 'admin@police.test', role: 'admin' });
  });

  it('answers 401 problems for missing, malformed, forged and expired tokens', async () => {
    const noToken = await staffClient(d).get('/me').expect(401);
    expect(noToken.headers['content-type']).toContain('application/problem+json');
    expect(noToken.body).toMatchObject({ status: 401, type: '/problems/unauthorized' });
    await staffClient(d, 'nope').get('/me').expect(401);
    await d.http().get('/api/v1/me').set('Authorization', 'Basic abc').expect(401);
    const [id] = (await db.query(`SELECT id FROM users LIMIT 1`)) as Array<{ id: string }>;
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({
      sub: id.id,
      tv: 0,
    });
    await staffClient(d, forged).get('/me').expect(401);
    const expired = await new JwtService({ secret: TEST_JWT_SECRET }).signAsync({
      sub: id.id,
      tv: 0,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    await staffClient(d, expired).get('/me').expect(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: id.id, tv: 0 }),
    ).toString('base64url')}.`;
    await staffClient(d, none).get('/me').expect(401);
    await admin.get('/me').expect(200);
  });

  it('deactivation kills existing tokens at once and blocks sign-in', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'karaganda' });
    await inv.api.get('/me').expect(200);
    const res = await admin.patch(`/admin/users/${inv.id}`, { active: false }).expect(200);
    expect(res.body.active).toBe(false);
    await inv.api.get('/me').expect(401);
    const login = await staffClient(d)
      .post('/auth/login', { email: inv.email, password: inv.password })
      .expect(401);
    expect(login.body.detail).toBe('Email or password is wrong');
    // Reactivating does not revive the old token (token_version was bumped), only new sign-ins.
    await admin.patch(`/admin/users/${inv.id}`, { active: true }).expect(200);
    await inv.api.get('/me').expect(401);
    const fresh = await loginAs(d, inv.email, inv.password);
    await staffClient(d, fresh).get('/me').expect(200);
  });

  it('a password change revokes tokens', async () => {
    const sup = await createStaff(d, { role: 'supervisor', region: 'astana' });
    await admin.patch(`/admin/users/${sup.id}`, { password: 'a-brand-new-password' }).expect(200);
    await sup.api.get('/me').expect(401);
    await loginAs(d, sup.email, 'a-brand-new-password');
  });
});

describe('identity: first-admin bootstrap', () => {
  let tdb: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    tdb = await createTestDatabase('identity-boot');
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

  it('refuses to start with a weak BOOTSTRAP_ADMIN_PASSWORD, naming it', async () => {
    for (const weak of [' '.repeat(16), 'qwerty123456789', 'admin@localhost-password']) {
      const config = loadConfig(
        testEnv(tdb, { BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: weak }),
      );
      const service = new BootstrapAdminService(
        config,
        ds,
        new AuditService(ds.getRepository(AuditLog)),
      );
      await expect(service.onApplicationBootstrap()).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
    }
  });
});
