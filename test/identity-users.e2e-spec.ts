import { DataSource } from 'typeorm';
import {
  adminToken,
  auditRows,
  createStaff,
  IDENTITY_ENV,
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
} from '@app/testing';

describe('identity: admin user management', () => {
  let d: TestDeployment;
  let db: DataSource;
  let admin: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({ label: 'identity-users', env: IDENTITY_ENV });
    db = d.api.get(DataSource);
    admin = staffClient(d, await adminToken(d));
  });
  afterAll(async () => d?.close());

  it('creates, lists and updates staff; validates role and region', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'astana' });
    const me = await inv.api.get('/me').expect(200);
    expect(me.body).toMatchObject({ id: inv.id, role: 'investigator', region: 'astana' });

    const noRegion = await admin
      .post('/admin/users', {
        email: 'x1@police.test',
        password: 'long-enough-pw-1',
        fullName: 'Xy',
        role: 'investigator',
      })
      .expect(400);
    expect(noRegion.body.errors).toEqual([
      { field: 'region', message: 'region is required for investigators' },
    ]);
    await admin
      .post('/admin/users', {
        email: 'x2@police.test',
        password: 'short',
        fullName: 'Xy',
        role: 'supervisor',
      })
      .expect(400);
    await admin
      .post('/admin/users', {
        email: 'x3@police.test',
        password: 'long-enough-pw-1',
        fullName: 'Xy',
        role: 'supervisor',
        isAdmin: true,
      })
      .expect(400);
    const dup = await admin
      .post('/admin/users', {
        email: inv.email.toUpperCase(),
        password: 'long-enough-pw-1',
        fullName: 'Dup',
        role: 'admin',
      })
      .expect(409);
    expect(dup.body.type).toBe('/problems/email-taken');

    const national = await createStaff(d, { role: 'supervisor' });
    const list = await admin.get('/admin/users?role=supervisor').expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([national.id]);
    expect(list.body.items[0]).toMatchObject({ region: null, active: true });

    const moved = await admin
      .patch(`/admin/users/${inv.id}`, { role: 'supervisor', region: null })
      .expect(200);
    expect(moved.body).toMatchObject({ role: 'supervisor', region: null });
    // Role and region are read live: the same token now acts as a national supervisor.
    const after = await inv.api.get('/me').expect(200);
    expect(after.body).toMatchObject({ role: 'supervisor', region: null });
    await admin.patch(`/admin/users/${inv.id}`, { role: 'investigator' }).expect(400);
    await admin.patch('/admin/users/not-a-uuid', {}).expect(404);
    await admin
      .patch('/admin/users/00000000-0000-4000-8000-000000000000', { fullName: 'Nobody' })
      .expect(404);
    const created = await auditRows(d, 'user.created');
    expect(created.length).toBeGreaterThanOrEqual(2);
    const updated = await auditRows(d, 'user.updated');
    expect(updated[0]).toMatchObject({ target_type: 'user', target_id: inv.id });
    expect(JSON.stringify(updated)).not.toContain('long-enough');
  });

  it('never lets the last active admin be deactivated or demoted', async () => {
    const [{ id }] = (await db.query(
      `SELECT id FROM users WHERE email = 'admin@police.test'`,
    )) as Array<{
      id: string;
    }>;
    const res = await admin.patch(`/admin/users/${id}`, { active: false }).expect(409);
    expect(res.body.type).toBe('/problems/last-admin');
    await admin.patch(`/admin/users/${id}`, { role: 'supervisor' }).expect(409);
  });

  it('denies non-admins the admin API with an audited 403', async () => {
    const sup = await createStaff(d, { role: 'supervisor' });
    const res = await sup.api.get('/admin/users').expect(403);
    expect(res.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    const denied = await auditRows(d, 'access.denied');
    expect(denied.at(-1)).toMatchObject({
      actor_id: sup.id,
      actor_role: 'supervisor',
      route: 'GET /api/v1/admin/users',
      detail: { reason: 'role', required: ['admin'] },
    });
  });

  it('refuses weak passwords (NIST SP 800-63B) on create and on reset, naming the field', async () => {
    const create = (password: string) =>
      admin.post('/admin/users', {
        email: 'weak.pw@police.test',
        password,
        fullName: 'Weak Password',
        role: 'supervisor',
      });
    for (const weak of [
      ' '.repeat(12),
      ' '.repeat(20),
      'password1234',
      'passwordpassword',
      'qwerty123456789',
      'weak.pw@police.test.2026',
    ]) {
      const res = await create(weak).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    }
    const sup = await createStaff(d, { role: 'supervisor', email: 'reset.pw@police.test' });
    for (const weak of ['password1234', 'qwertyuiop12345', 'reset.pw@police.test']) {
      const res = await admin.patch(`/admin/users/${sup.id}`, { password: weak }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    }
    await sup.api.get('/me').expect(200); // nothing changed: the token was not revoked
    await create('a long and unusual phrase').expect(201);
  });
});
