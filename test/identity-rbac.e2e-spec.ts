import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ACTORS,
  Actor,
  adminToken,
  API_PREFIX,
  createStaff,
  mountedRoutes,
  OTHER_REGION,
  OWN_REGION,
  PUBLIC_PREFIXES,
  PUBLIC_ROUTES,
  RBAC_MATRIX,
  rbacContext,
  RbacContext,
  SessionClient,
  signInSession,
  RbacRequest,
  RbacRow,
  routeKey,
  startDeployment,
  TestDeployment,
  TestStaff,
} from '@app/testing';

function isPublic(key: string): boolean {
  const path = key.slice(key.indexOf(' ') + 1);
  return PUBLIC_ROUTES.includes(key) || PUBLIC_PREFIXES.some((p) => path.startsWith(p));
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (params[name] !== undefined) return encodeURIComponent(params[name]);
    return name === 'reference' ? 'FR-2000-999999' : randomUUID();
  });
}

describe('identity: RBAC matrix over every staff route', () => {
  let d: TestDeployment;
  let ctx: RbacContext;
  let routes: Set<string>;
  const notMounted: string[] = [];
  /** Each actor's console session: roles and regions must hold whichever way one signs in. */
  const sessions = {} as Record<Actor, SessionClient>;
  /**
   * RBAC_AUTH=bearer|cookie: every call signed in that way. Default `mixed`: row i calls actor
   * j by cookie (with its CSRF token) when i + j is even, by bearer token otherwise, so every
   * route and every actor meet both without doubling the run.
   */
  const AUTH_MODE = process.env.RBAC_AUTH ?? 'mixed';
  const byCookie = (rowIndex: number, actor: Actor) =>
    AUTH_MODE === 'cookie' ||
    (AUTH_MODE === 'mixed' && (rowIndex + ACTORS.indexOf(actor)) % 2 === 0);

  beforeAll(async () => {
    d = await startDeployment({
      label: 'identity-rbac',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    const regions: Record<
      Actor,
      { role: 'investigator' | 'supervisor' | 'admin'; region: string | null }
    > = {
      'investigator:own': { role: 'investigator', region: OWN_REGION },
      'investigator:other': { role: 'investigator', region: OTHER_REGION },
      'supervisor:own': { role: 'supervisor', region: OWN_REGION },
      'supervisor:other': { role: 'supervisor', region: OTHER_REGION },
      'supervisor:national': { role: 'supervisor', region: null },
      admin: { role: 'admin', region: null },
    };
    const staff = {} as Record<Actor, TestStaff>;
    for (const actor of ACTORS) {
      const { role, region } = regions[actor];
      staff[actor] = await createStaff(d, { role, region: region as never });
    }
    for (const actor of ACTORS) sessions[actor] = await signInSession(d, staff[actor]);
    ctx = rbacContext(d, staff, await adminToken(d));
    routes = new Set(mountedRoutes(d.api));
  });
  afterAll(async () => {
    if (notMounted.length) {
      console.info(`RBAC rows skipped, route not mounted yet:\n  ${notMounted.join('\n  ')}`);
    }
    await d?.close();
  });

  it('has a matrix row for every mounted non-public route', () => {
    const covered = new Set(RBAC_MATRIX.map((r) => routeKey(r.method, r.path)));
    const missing = [...routes].filter((key) => !isPublic(key) && !covered.has(key)).sort();
    expect(missing).toEqual([]);
  });

  it('has at most one row per route and only known actors', () => {
    const keys = RBAC_MATRIX.map((r) => routeKey(r.method, r.path));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const row of RBAC_MATRIX) {
      expect(row.allow.filter((a) => !ACTORS.includes(a))).toEqual([]);
    }
  });

  it('answers public routes without a token', async () => {
    for (const key of PUBLIC_ROUTES.filter((k) => routes.has(k))) {
      // The session routes behind the cookie answer 401 to a caller without one, by design.
      if (key !== 'POST /auth/session' && key.includes('/auth/session')) continue;
      const [method, path] = key.split(' ');
      const res = await call(method, fillPath(path), undefined, {});
      expect({ key, status: res.status }).not.toEqual({ key, status: 401 });
    }
  });

  type Credentials = { token: string } | { session: SessionClient } | undefined;

  async function call(method: string, path: string, who: Credentials, req: RbacRequest) {
    let r = d.http()[method.toLowerCase() as 'get'](`${API_PREFIX}${path}`);
    if (who && 'token' in who) r = r.set('Authorization', `Bearer ${who.token}`);
    if (who && 'session' in who) {
      r = r.set('Cookie', `fraud_session=${who.session.cookie}`);
      if (method !== 'GET') r = r.set('X-CSRF-Token', who.session.csrf ?? '');
    }
    if (req.query) r = r.query(req.query);
    if (req.body !== undefined && method !== 'GET') r = r.send(req.body as object);
    return r;
  }

  async function request(
    row: RbacRow,
    actor: Actor | null,
  ): Promise<{ status: number; body: unknown; via: string }> {
    const built = row.setup && actor ? await row.setup(ctx, actor) : {};
    const req: RbacRequest = {
      params: built.params,
      query: built.query ?? row.query,
      body: built.body ?? row.body,
    };
    const cookie = actor !== null && byCookie(RBAC_MATRIX.indexOf(row), actor);
    const who: Credentials =
      actor === null
        ? undefined
        : cookie
          ? { session: sessions[actor] }
          : { token: ctx.staff[actor].token };
    const res = await call(row.method, fillPath(row.path, req.params), who, req);
    return { status: res.status, body: res.body, via: cookie ? 'cookie' : 'bearer' };
  }

  const deniedCount = async () =>
    Number(
      (
        (await d.api
          .get(DataSource)
          .query(`SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'`)) as Array<{
          n: string;
        }>
      )[0].n,
    );

  it.each(RBAC_MATRIX.map((row) => [routeKey(row.method, row.path), row] as const))(
    '%s',
    async (key, row) => {
      if (!routes.has(key)) {
        notMounted.push(key);
        return;
      }
      const problems: string[] = [];
      const seen: string[] = [];
      const anonymous = await request(row, null);
      if (anonymous.status !== 401)
        problems.push(`anonymous: expected 401, got ${anonymous.status}`);
      for (const actor of ACTORS) {
        const allowed = row.allow.includes(actor);
        const before = allowed ? 0 : await deniedCount();
        const res = await request(row, actor);
        const detail = JSON.stringify(res.body).slice(0, 200);
        seen.push(`${actor}(${res.via})=${res.status}`);
        if (allowed) {
          const ok = row.expect
            ? row.expect.includes(res.status)
            : res.status !== 401 && res.status !== 403 && res.status < 500;
          if (!ok) problems.push(`${actor} (${res.via}): allowed, got ${res.status} ${detail}`);
        } else if (res.status !== 403) {
          problems.push(`${actor} (${res.via}): expected 403, got ${res.status} ${detail}`);
        } else if ((await deniedCount()) <= before) {
          problems.push(`${actor} (${res.via}): 403 without an access.denied audit row`);
        }
      }
      // RBAC_VERBOSE=1 prints what every actor got, to check that fixtures really work.
      if (process.env.RBAC_VERBOSE) console.info(`${key}: ${seen.join(' ')}`);
      expect(problems).toEqual([]);
    },
  );
});
