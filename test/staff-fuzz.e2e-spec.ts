import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger';
import fc from 'fast-check';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createStaff,
  eventually,
  startDeployment,
  submitReport,
  SubmittedReport,
  TestDeployment,
  validReportBody,
} from '@app/testing';

/**
 * Every route of the OpenAPI document, called by every kind of caller with junk path params,
 * junk query strings and junk bodies (fixed batches plus fast-check bodies): no answer may be
 * a 5xx, and every 4xx must be RFC 9457 problem details. New routes are covered automatically.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Route {
  method: Method;
  /** Full OpenAPI path, e.g. `/api/v1/cases/{id}`. */
  path: string;
  key: string;
  pathParams: string[];
  /** Names of the declared query parameters. */
  query: string[];
  /** The resolved JSON request schema, when the operation declares one. */
  body?: SchemaObject;
  multipart: boolean;
}

interface Caller {
  name: string;
  token?: string;
}

type Payload =
  | { kind: 'none' }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'multipart'; field: string; filename: string; contentType: string; data: Buffer };

interface Probe {
  route: Route;
  caller: Caller;
  url: string;
  payload: Payload;
  headers?: Record<string, string>;
  label: string;
}

interface Failure {
  probe: string;
  status: number;
  contentType: string;
  body: string;
  why: string;
}

const json = (value: unknown): Payload => ({
  kind: 'raw',
  contentType: 'application/json',
  text: JSON.stringify(value) ?? 'null',
});
const rawJson = (text: string): Payload => ({ kind: 'raw', contentType: 'application/json', text });

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

// --- OpenAPI -------------------------------------------------------------------------------

function isRef(x: unknown): x is ReferenceObject {
  return typeof x === 'object' && x !== null && '$ref' in x;
}

function resolver(doc: OpenAPIObject) {
  const resolve = (s: SchemaObject | ReferenceObject | undefined, depth = 0): SchemaObject => {
    if (!s) return {};
    if (!isRef(s)) {
      if (depth > 6) return s;
      const out: SchemaObject = { ...s };
      if (s.properties) {
        out.properties = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]),
        );
      }
      if (s.items) out.items = resolve(s.items, depth + 1);
      if (s.allOf) {
        for (const part of s.allOf.map((p) => resolve(p, depth + 1))) {
          out.properties = { ...out.properties, ...part.properties };
          out.required = [...(out.required ?? []), ...(part.required ?? [])];
        }
      }
      return out;
    }
    const name = s.$ref.split('/').pop() ?? '';
    return resolve(doc.components?.schemas?.[name], depth + 1);
  };
  return resolve;
}

function routesOf(doc: OpenAPIObject): Route[] {
  const resolve = resolver(doc);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter(
        (p): p is ParameterObject => !isRef(p),
      );
      const content = op.requestBody && !isRef(op.requestBody) ? op.requestBody.content : {};
      const jsonSchema = (content as RequestBodyObject['content'])['application/json']?.schema;
      routes.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: jsonSchema ? resolve(jsonSchema) : undefined,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/** Every route Express serves, keyed like the document's routes (`GET /cases/{id}`). */
function mountedRoutes(d: TestDeployment): string[] {
  const express = d.api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const keys: string[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/^\/api\/v1/, '');
    const methods = Object.entries(layer.route.methods).filter(([m, on]) => on && m !== '_all');
    // Nest mounts middleware (request logging) as a route for every method: not an endpoint.
    if (methods.length > 5 || path.startsWith('/api/docs')) continue;
    for (const [method] of methods) keys.push(`${method.toUpperCase()} ${path}`);
  }
  return keys;
}

// --- Junk ----------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_000);
/** Path segments, already percent-encoded (`%00` raw on purpose, and a broken escape). */
const PATH_JUNK: Array<[string, string]> = [
  ['x', 'x'],
  ['0', '0'],
  ['-1', '-1'],
  ['sql', encodeURIComponent("' OR 1=1 --")],
  ['10k', LONG],
  ['unknown-uuid', randomUUID()],
  ['upper-uuid', randomUUID().toUpperCase()],
  ['nil-uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid+junk', `${randomUUID()}x`],
  ['unicode', encodeURIComponent('ключ💸\u202e')],
  ['%00', '%00'],
  ['bad-escape', '%E0%A4%A'],
  ['dots', '..'],
  ['1e400', '1e400'],
];

const QUERY_JUNK: string[] = [
  'limit=-1',
  'limit=abc',
  'limit=1e999',
  'limit=99999999999999999999',
  'limit=1&limit=2',
  'from=2026-13-45',
  'from=2026-02-30&to=2026-03-01',
  'from=2026-05-01&to=2026-01-01',
  'from=0001-01-01&to=9999-12-31',
  'from=2026-01-01T00:00:00Z',
  'status=a&status=b',
  'status=open&status=closed',
  'status=,,,',
  'by=nope',
  'format=xml',
  'cursor=garbage',
  `cursor=${Buffer.from('{"p":"P9","t":"x","id":"y"}').toString('base64url')}`,
  `cursor=${'A'.repeat(400)}`,
  'region[]=astana',
  'region[a]=b',
  'assignee=%00',
  'priority=P1&priority=P1',
  'slaBreached=maybe',
  'value=',
  `value=${'9'.repeat(600)}`,
  'expiringWithinDays=-5',
  'unknownParam=1',
  '%E0%A4%A=1',
];

/** Values a query param of the document gets, whatever its declared type. */
const QUERY_VALUE_JUNK: string[] = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e999',
  '99999999999999999999',
  '2026-13-45',
  'NaN',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('ключ💸'),
  '%00',
  'x'.repeat(2000),
];

const STRING_JUNK = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1.00',
  '0.001',
  '1.005',
  '-0.00',
  '1e5',
  '99999999999999999999999.99',
  ' 1.00 ',
  '1,00',
  '',
  '\u0000',
  '2026-13-45T99:99:99Z',
  '+275760-09-13T00:00:00.000Z',
  "' OR 1=1 --",
  '💸'.repeat(3000),
];

const NUMBER_JUNK = [1e308, -1e308, 2 ** 64, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 0, 5e-324];

/** Deep nesting is spliced into the JSON text: JSON.stringify would overflow the stack. */
const deepJson = (depth: number) => '{"n":['.repeat(depth) + '1' + ']}'.repeat(depth);

function wrongTypes(s: SchemaObject): unknown[] {
  switch (s.type) {
    case 'string':
      return [12345, true, ['a'], { a: 1 }];
    case 'integer':
    case 'number':
      return ['12', 'abc', true, [1], 1.5];
    case 'boolean':
      return ['true', 1, null];
    case 'array':
      return ['a', { 0: 'a' }, [null, 1, 'x']];
    case 'object':
      return ['x', [], 1];
    default:
      return [{ a: [] }, 'x', 1];
  }
}

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** fast-check bodies per write route. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

// --- The suite -----------------------------------------------------------------------------

describe('fuzz: no route answers bad input with a 5xx (OpenAPI-driven)', () => {
  let d: TestDeployment;
  let db: DataSource;
  let routes: Route[];
  let callers: Caller[];
  let staffIds: Record<string, string>;
  let reports: SubmittedReport[];
  const ids: Record<string, string> = {};
  const codes = new Map<string, Map<number, number>>();
  const failures: Failure[] = [];
  /** Callers that got past authorisation with a plausible request, per route. */
  const reached = new Map<string, Set<string>>();
  const spent = new Map<string, number>();
  let total = 0;

  const uniquePhone = () => `+7 705 ${randomInt(1_000_000, 9_999_999)}`;
  const caseOf = (reportId: string): Promise<string> =>
    eventually(async () => {
      const [row] = (await db.query('SELECT case_id FROM reports WHERE id = $1', [reportId])) as {
        case_id: string | null;
      }[];
      return row?.case_id ?? null;
    }, 30_000);

  beforeAll(async () => {
    d = await startDeployment({
      label: 'fuzz',
      worker: true,
      env: {
        RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '1000000',
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_IP_MAX_FAILURES: '1000000',
      },
    });
    db = d.api.get(DataSource);
    const [national, regional, investigator, target] = await Promise.all([
      createStaff(d, { role: 'supervisor', region: null }),
      createStaff(d, { role: 'supervisor', region: 'almaty_city' }),
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    ]);
    const admin = await createStaff(d, { role: 'admin' });
    staffIds = { investigator: investigator.id };
    callers = [
      { name: 'anonymous' },
      { name: 'admin', token: admin.token },
      { name: 'supervisor:national', token: national.token },
      { name: 'supervisor:almaty_city', token: regional.token },
      { name: 'investigator:almaty_city', token: investigator.token },
    ];

    // Two P1 reports with their own identifiers: two cases, each with a freeze request.
    reports = [];
    for (let i = 0; i < 2; i++) {
      reports.push(
        await submitReport(
          d,
          validReportBody({
            transactions: [
              {
                paidAt: new Date(Date.now() - 3600_000).toISOString(),
                amount: '50000.00',
                method: 'mobile_transfer',
                fromBank: 'Kaspi Bank',
                toBank: 'Beeline',
                toAccount: uniquePhone(),
              },
            ],
            suspects: [
              { type: 'phone', value: uniquePhone() },
              { type: 'url', value: `https://fuzz-${randomBytes(4).toString('hex')}.example.kz/` },
            ],
          }),
        ),
      );
    }
    ids.case = await caseOf(reports[0].id);
    ids.otherCase = await caseOf(reports[1].id);
    ids.freezeRequest = await eventually(async () => {
      const [row] = (await db.query(
        'SELECT id FROM freeze_requests WHERE case_id = $1 ORDER BY created_at LIMIT 1',
        [ids.case],
      )) as { id: string }[];
      return row?.id ?? null;
    }, 30_000);
    const freeze = await investigator.api.post(`/cases/${ids.case}/freezes`, {
      bank: 'Halyk Bank',
      account: uniquePhone(),
      amount: '1000.00',
      frozenAt: new Date().toISOString(),
      stage: 'domestic',
    });
    expect(freeze.status).toBe(201);
    ids.freeze = (freeze.body as { id: string }).id;
    const reimbursement = await investigator.api.post(`/cases/${ids.case}/reimbursements`, {
      reportId: reports[0].id,
      amount: '10.00',
      source: 'bank_compensation',
      paidAt: new Date().toISOString(),
    });
    expect(reimbursement.status).toBe(201);
    ids.reimbursement = (reimbursement.body as { id: string }).id;
    ids.user = target.id;

    const doc = SwaggerModule.createDocument(d.api, new DocumentBuilder().build());
    routes = routesOf(doc);
    // Sanity: the document is what we think it is.
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /cases/{id}', 'POST /reports', 'PATCH /admin/users/{id}']),
    );
  }, 120_000);

  afterAll(async () => {
    await d?.close();
  });

  /** A real id for a path param, chosen by the segment before it. */
  function realParam(route: Route, name: string): string {
    if (name === 'reference') return reports[0].reference;
    const segments = route.path.split('/');
    const before = segments[segments.indexOf(`{${name}}`) - 1];
    const byCollection: Record<string, string | undefined> = {
      cases: ids.case,
      freezes: ids.freeze,
      'freeze-requests': ids.freezeRequest,
      reimbursements: ids.reimbursement,
      users: ids.user,
    };
    return byCollection[before] ?? randomUUID();
  }

  function urlOf(route: Route, params: Record<string, string> = {}, query = ''): string {
    const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      name in params ? params[name] : encodeURIComponent(realParam(route, name)),
    );
    return query ? `${path}?${query}` : path;
  }

  /** A plausible (often valid) value for a field of the request schema. */
  function plausible(name: string, s: SchemaObject, depth = 0): unknown {
    if (s.enum?.length) return s.enum[0];
    const uuidFor: Record<string, string | undefined> = {
      reportId: reports[0].id,
      assigneeId: staffIds.investigator,
      sourceCaseId: ids.otherCase,
      freezeRequestId: ids.freezeRequest,
    };
    if (s.format === 'uuid' || /Id$/.test(name)) return uuidFor[name] ?? randomUUID();
    if (s.example !== undefined && (typeof s.example !== 'object' || s.type === 'array')) {
      return s.example;
    }
    if (s.default !== undefined) return s.default;
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return true;
    if (s.type === 'array') {
      return depth > 4 || !s.items || isRef(s.items) ? [] : [plausible(name, s.items, depth + 1)];
    }
    if (s.type === 'object' && s.properties) return depth > 4 ? {} : plausibleObject(s, depth + 1);
    // A string, or an object without properties: how the document shows a `string | null`.
    if (s.format === 'date-time' || /At$/.test(name)) return new Date().toISOString();
    if (s.format === 'email' || name === 'email') {
      return `fuzz.${randomBytes(4).toString('hex')}@police.test`;
    }
    if (/amount/i.test(name)) return '1.00';
    if (/account/i.test(name)) return uniquePhone();
    if (/bank/i.test(name)) return 'Halyk Bank';
    if (name === 'password') return 'fuzz-password-123';
    return 'Fuzz value';
  }

  function plausibleObject(s: SchemaObject, depth = 0): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [
        k,
        plausible(k, v as SchemaObject, depth),
      ]),
    );
  }

  function plausibleBody(route: Route): Record<string, unknown> {
    if (route.key === 'POST /reports') return validReportBody();
    return route.body ? plausibleObject(route.body) : {};
  }

  function fields(route: Route): Array<[string, SchemaObject]> {
    return Object.entries(route.body?.properties ?? {}) as Array<[string, SchemaObject]>;
  }

  async function send(probe: Probe): Promise<void> {
    const { route, caller, payload } = probe;
    // A fresh client address per request (the API trusts the loopback proxy): the sign-in
    // tarpit (up to 2 s per failure and address) would otherwise dominate the run time.
    const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    let req = d.http()[route.method](probe.url).set('X-Forwarded-For', ip);
    if (caller.token) req = req.set('Authorization', `Bearer ${caller.token}`);
    else if (route.pathParams.includes('reference')) {
      req = req.set('X-Access-Code', reports[0].accessCode);
    }
    for (const [k, v] of Object.entries(probe.headers ?? {})) req = req.set(k, v);
    if (payload.kind === 'raw') {
      req = req.set('Content-Type', payload.contentType).send(payload.text);
    }
    if (payload.kind === 'multipart') {
      req = req.attach(payload.field, payload.data, {
        filename: payload.filename,
        contentType: payload.contentType,
      });
    }
    const started = Date.now();
    const res = await req;
    total++;
    spent.set(route.key, (spent.get(route.key) ?? 0) + Date.now() - started);
    const byStatus = codes.get(route.key) ?? new Map<number, number>();
    byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    codes.set(route.key, byStatus);
    if (probe.label === 'plausible' && res.status !== 401 && res.status !== 403) {
      const set = reached.get(route.key) ?? new Set<string>();
      set.add(caller.name);
      reached.set(route.key, set);
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const why = verdict(res.status, contentType, res.body);
    if (why) {
      const shown =
        payload.kind === 'raw'
          ? payload.text
          : payload.kind === 'multipart'
            ? payload.filename
            : '';
      failures.push({
        probe:
          `${caller.name} ${route.method.toUpperCase()} ${clip(probe.url, 120)} ` +
          `[${probe.label}] ${clip(shown, 200)}`,
        status: res.status,
        contentType,
        body: clip(res.text ?? '', 300),
        why,
      });
    }
  }

  function verdict(status: number, contentType: string, body: unknown): string | null {
    if (status >= 500) return '5xx';
    if (status < 400) return null;
    if (!contentType.startsWith('application/problem+json')) return 'not problem+json';
    const b = body as { type?: unknown; title?: unknown; status?: unknown } | null;
    if (typeof b?.type !== 'string' || typeof b.title !== 'string' || b.status !== status) {
      return 'problem lacks type/title/status';
    }
    return null;
  }

  async function run(probes: Probe[]): Promise<void> {
    // Reads run a few at a time; writes one by one, so that a 503 (a retryable collision of
    // concurrent writes) never passes for a fault of the input.
    const queue = probes.filter((p) => p.route.method === 'get');
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await send(p);
      }),
    );
    for (const p of probes.filter((x) => x.route.method !== 'get')) await send(p);
  }

  function summary(): string {
    const lines = [...codes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, byStatus]) => {
        const counts = [...byStatus.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        return `  ${key.padEnd(38)} ${counts}  (${((spent.get(key) ?? 0) / 1000).toFixed(1)} s)`;
      });
    const shown = failures
      .slice(0, 40)
      .map((f) => `  ${f.why} ${f.status} ${f.contentType} ← ${f.probe}\n      ${f.body}`);
    return [
      `${failures.length} bad answer(s) of ${total} requests (FUZZ_SEED=${SEED}).`,
      'Status codes per route:',
      ...lines,
      ...(failures.length ? ['First failures:', ...shown] : []),
    ].join('\n');
  }

  const assertClean = () => {
    if (failures.length) throw new Error(summary());
  };

  /** Callers that got past authorisation on the route (all of them when none did). */
  const reachers = (route: Route): Caller[] => {
    const found = callers.filter((c) => reached.get(route.key)?.has(c.name));
    return found.length ? found : callers;
  };
  const isWrite = (route: Route) => ['post', 'put', 'patch'].includes(route.method);

  it('finds the routes in the OpenAPI document and reaches them', async () => {
    expect(routes.length).toBeGreaterThan(25);
    // A route left out of the document would escape the fuzz: every mounted route is in it.
    const documented = new Set(routes.map((r) => r.key));
    const mounted = mountedRoutes(d);
    expect(mounted.length).toBeGreaterThan(25);
    expect(mounted.filter((key) => !documented.has(key))).toEqual([]);
    // A plausible request per route and caller: learns who gets past authorisation.
    await run(
      routes.flatMap((route) =>
        callers.map((caller): Probe => ({
          route,
          caller,
          url: urlOf(route),
          payload: isWrite(route) ? json(plausibleBody(route)) : { kind: 'none' },
          label: 'plausible',
        })),
      ),
    );
    assertClean();
  });

  it('answers junk path params without a 5xx', async () => {
    const probes: Probe[] = [];
    for (const route of routes.filter((r) => r.pathParams.length)) {
      const payload: Payload = isWrite(route) ? json(plausibleBody(route)) : { kind: 'none' };
      for (const caller of callers) {
        for (const [label, junk] of PATH_JUNK) {
          for (const name of route.pathParams) {
            probes.push({
              route,
              caller,
              url: urlOf(route, { [name]: junk }),
              payload,
              label: `path ${name}=${label}`,
            });
          }
        }
      }
    }
    await run(probes);
    assertClean();
  }, 60_000);

  it('answers junk query strings without a 5xx', async () => {
    const probes: Probe[] = [];
    for (const route of routes) {
      const declared = route.query.flatMap((name) => [
        ...QUERY_VALUE_JUNK.map((v) => `${name}=${v}`),
        `${name}=a&${name}=b`,
        `${name}[]=x`,
      ]);
      if (route.method === 'get') {
        for (const caller of callers) {
          for (const query of QUERY_JUNK) {
            probes.push({
              route,
              caller,
              url: urlOf(route, {}, query),
              payload: { kind: 'none' },
              label: query,
            });
          }
        }
        // Declared params: only callers that get past authorisation read them.
        for (const caller of reachers(route)) {
          for (const query of declared) {
            probes.push({
              route,
              caller,
              url: urlOf(route, {}, query),
              payload: { kind: 'none' },
              label: query,
            });
          }
        }
      } else {
        // Writes rarely read their query string: a short batch from one caller that reaches them.
        const caller = reachers(route)[0];
        for (const query of [...QUERY_JUNK.slice(0, 8), ...declared]) {
          const payload = json(plausibleBody(route));
          probes.push({ route, caller, url: urlOf(route, {}, query), payload, label: query });
        }
      }
    }
    await run(probes);
    assertClean();
  }, 90_000);

  it('answers junk bodies without a 5xx', async () => {
    const probes: Probe[] = [];
    for (const route of routes.filter(isWrite)) {
      const base = plausibleBody(route);
      const generic: Array<[string, Payload]> = [
        ['no body', { kind: 'none' }],
        ['null', rawJson('null')],
        ['array', rawJson('[]')],
        ['array of bodies', json([base, base])],
        ['string', rawJson('"hello"')],
        ['number', rawJson('42')],
        ['true', rawJson('true')],
        ['empty object', rawJson('{}')],
        ['broken json', rawJson('{"a":')],
        ['NaN literal', rawJson('{"amount": NaN}')],
        ['text/plain', { kind: 'raw', contentType: 'text/plain', text: 'hello' }],
        [
          'form',
          { kind: 'raw', contentType: 'application/x-www-form-urlencoded', text: 'a=1&b=2' },
        ],
        ['xml', { kind: 'raw', contentType: 'application/xml', text: '<a>1</a>' }],
        ['unknown field', json({ ...base, unknownField: 1 })],
        ['only unknown', json({ unknownField: { nested: [1, 2] } })],
        ['__proto__', rawJson(`{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`)],
        ['constructor', rawJson(`{"constructor":{"prototype":{"x":1}},"a":1}`)],
        ['deep', rawJson(`{"deep":${deepJson(10_000)}}`)],
        ['deep top', rawJson(deepJson(5_000))],
        ['wide', json({ ...base, wide: new Array(25_000).fill(0) })],
      ];
      // Field by field: one wrong type or extreme value in an otherwise plausible body.
      const specific: Array<[string, Payload]> = [];
      const fs = fields(route);
      if (fs.length) {
        specific.push([
          'every field wrong type',
          json(Object.fromEntries(fs.map(([k, s]) => [k, wrongTypes(s)[0]]))),
        ]);
        specific.push(['every field null', json(Object.fromEntries(fs.map(([k]) => [k, null])))]);
        for (const [k, s] of fs) {
          for (const [i, v] of wrongTypes(s).entries()) {
            specific.push([`${k} wrong type ${i}`, json({ ...base, [k]: v })]);
          }
          const extremes: unknown[] = s.type === 'string' || !s.type ? STRING_JUNK : NUMBER_JUNK;
          for (const v of extremes) {
            specific.push([`${k}=${clip(String(v), 20)}`, json({ ...base, [k]: v })]);
          }
          const huge = JSON.stringify({ ...base, [k]: 0 }).replace(`"${k}":0`, `"${k}":1e999`);
          specific.push([`${k}=1e999`, rawJson(huge)]);
        }
      }
      if (route.multipart) {
        const file = (field: string, filename: string, contentType: string, data: Buffer) =>
          ({ kind: 'multipart', field, filename, contentType, data }) as const;
        specific.push(
          ['pdf', file('file', 'a.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%junk'))],
          ['exe', file('file', 'a.exe', 'application/x-msdownload', Buffer.from('MZ'))],
          ['wrong field', file('other', 'a.png', 'image/png', Buffer.from('x'))],
          ['empty file', file('file', 'e.png', 'image/png', Buffer.alloc(0))],
          ['lying png', file('file', 'a.png', 'image/png', Buffer.from('<html>'))],
          ['no boundary', { kind: 'raw', contentType: 'multipart/form-data', text: '--x' }],
          [
            'broken multipart',
            {
              kind: 'raw',
              contentType: 'multipart/form-data; boundary=zz',
              text: '--zz\r\nbroken',
            },
          ],
        );
      }
      for (const caller of callers) {
        for (const [label, payload] of generic) {
          probes.push({ route, caller, url: urlOf(route), payload, label: `body ${label}` });
        }
      }
      const who = reachers(route);
      specific.forEach(([label, payload], i) => {
        const caller = who[i % who.length];
        probes.push({ route, caller, url: urlOf(route), payload, label: `body ${label}` });
      });
      // Once per route, anonymously: a body over the limit and junk headers.
      probes.push({
        route,
        caller: callers[0],
        url: urlOf(route),
        payload: json({ ...base, big: 'x'.repeat(1_100_000) }),
        label: 'body over the limit',
      });
      for (const value of ['', 'x'.repeat(5000), "' OR 1=1 --", '\t']) {
        probes.push({
          route,
          caller: callers[0],
          url: urlOf(route),
          payload: json(base),
          headers: { 'Idempotency-Key': value, 'X-Access-Code': value },
          label: `headers ${clip(JSON.stringify(value), 10)}`,
        });
      }
    }
    await run(probes);
    assertClean();
  }, 90_000);

  it('answers fast-check bodies on every POST/PATCH/PUT route without a 5xx', async () => {
    const junk: fc.Arbitrary<unknown> = fc.oneof(
      { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 2, arbitrary: fc.constantFrom<unknown>(...STRING_JUNK, ...NUMBER_JUNK) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((x) => x.toISOString()) },
      { weight: 1, arbitrary: fc.bigInt().map((n) => n.toString()) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.nat(999))
          .map(([a, b]) => `${a}.${b}`),
      },
    );
    for (const route of routes.filter(isWrite)) {
      const fs = fields(route);
      const base = plausibleBody(route);
      // Each known field: absent, plausible, the base value or junk; sometimes unknown keys.
      const value = (k: string, s: SchemaObject) =>
        fc.option(fc.oneof(fc.constant(plausible(k, s)), fc.constant(base[k]), junk), {
          nil: undefined,
        });
      const bodyArb: fc.Arbitrary<string> = fs.length
        ? fc
            .tuple(
              fc.record(Object.fromEntries(fs.map(([k, s]) => [k, value(k, s)]))),
              fc.option(fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 2 }), {
                nil: undefined,
                freq: 4,
              }),
            )
            .map(([known, extra]) => JSON.stringify({ ...known, ...extra }))
        : fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
      await fc.assert(
        fc.asyncProperty(bodyArb, fc.constantFrom(...reachers(route)), async (text, caller) => {
          const url = urlOf(route);
          await send({ route, caller, url, payload: rawJson(text), label: 'fast-check' });
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
    assertClean();
  }, 120_000);

  it('stays healthy after the barrage', async () => {
    await d.http().get('/api/v1/health/ready').expect(200);
    expect(total).toBeGreaterThan(5000);
    console.info(`fuzz: ${total} requests over ${codes.size} routes, no 5xx (FUZZ_SEED=${SEED})`);
  });
});
