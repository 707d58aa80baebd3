import { DataSource } from 'typeorm';
import {
  adminToken,
  createStaff,
  eventually,
  startDeployment,
  StaffClient,
  submitReport,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

/**
 * DESIGN.md: unknown fields are a 400. `__proto__`, `constructor` and `prototype` keys of a JSON
 * body slipped past that rule (class-transformer never copies them onto the DTO, so the
 * whitelist never saw them) and were accepted. Every route must refuse them, at any depth,
 * naming the field. The bodies are sent as raw JSON text: an object literal with a
 * `__proto__` key would set the prototype instead of holding the key.
 */
const KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The JSON text of `body` with `"<key>": <value>` added to the object at `path`. */
function withKey(body: object, path: (string | number)[], key: string, value: unknown): string {
  const marker = '"__marker__":"__marker__"';
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const step of path) target = target[step] as Record<string, unknown>;
  target.__marker__ = '__marker__';
  return JSON.stringify(copy).replace(marker, `${JSON.stringify(key)}:${JSON.stringify(value)}`);
}

describe('json bodies: prototype keys are unknown fields (400), at any depth, on every route', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let caseId: string;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'json-proto-keys',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    db = d.api.get(DataSource);
    investigator = await createStaff(d, { role: 'investigator' });
    const { id } = await submitReport(d);
    caseId = await eventually(async () => {
      const [row] = await db.query('SELECT case_id FROM reports WHERE id = $1', [id]);
      return row?.case_id as string | null;
    }, 30_000);
  }, 120_000);
  afterAll(async () => d?.close());

  const post = (path: string, raw: string, token?: string) => {
    const req = d.http().post(`/api/v1${path}`).set('Content-Type', 'application/json');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(raw);
  };

  const expectRefused = (
    res: { status: number; headers: Record<string, string>; body: unknown },
    field: string,
  ) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.body as { type: string; errors: Array<{ field: string; message: string }> };
    expect(body.type).toBe('/problems/validation-failed');
    expect(body.errors).toContainEqual({ field, message: expect.stringContaining('unknown') });
  };

  const report = validReportBody();
  const places: Array<[string, (string | number)[], string]> = [
    ['top level', [], ''],
    ['reporter', ['reporter'], 'reporter.'],
    ['a transaction', ['transactions', 0], 'transactions[0].'],
    ['a suspect', ['suspects', 1], 'suspects[1].'],
  ];
  const cases = KEYS.flatMap((key) =>
    places.map(([where, path, prefix]) => [key, where, path, `${prefix}${key}`] as const),
  );

  it.each(cases)('POST /reports refuses %s in %s', async (key, _where, path, field) => {
    const [{ n: before }] = await db.query('SELECT count(*)::int AS n FROM reports');
    for (const value of [{ isAdmin: true }, 'x', null]) {
      expectRefused(await post('/reports', withKey(report, path, key, value)), field);
    }
    const [{ n: after }] = await db.query('SELECT count(*)::int AS n FROM reports');
    expect(after).toBe(before);
  });

  it('refuses them on sign-in, staff and admin routes too', async () => {
    for (const key of KEYS) {
      expectRefused(
        await post('/auth/login', withKey({ email: 'a@b.kz', password: 'x' }, [], key, {})),
        key,
      );
      expectRefused(
        await post(
          `/cases/${caseId}/notes`,
          withKey({ text: 'note' }, [], key, 1),
          investigator.token,
        ),
        key,
      );
      const user = { email: `u-${key}@police.test`, password: 'long-password-123', fullName: 'U' };
      expectRefused(
        await post(
          '/admin/users',
          withKey({ ...user, role: 'admin' }, [], key, { role: 'admin' }),
          await adminToken(d),
        ),
        key,
      );
    }
    const users = await new StaffClient(d, await adminToken(d)).get('/admin/users');
    expect(JSON.stringify(users.body)).not.toContain('u-__proto__');
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = $2',
      [caseId, 'note.added'],
    );
    expect(n).toBe(0);
  });

  it('names the path of a key nested deep inside a value', async () => {
    const body = withKey({ text: 'note', x: { y: [{}, {}] } }, ['x', 'y', 1], '__proto__', 1);
    const res = await post(`/cases/${caseId}/notes`, body, investigator.token);
    expectRefused(res, 'x.y[1].__proto__');
  });
});
