import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fc from 'fast-check';
import {
  BEHIND_LOOPBACK_PROXY,
  bodyFields,
  clip,
  deepJson,
  FuzzFixtures,
  fuzzBody,
  isWrite,
  json,
  mountedRoutes,
  NUMBER_JUNK,
  PATH_JUNK,
  Payload,
  Probe,
  QUERY_JUNK,
  QUERY_VALUE_JUNK,
  rawJson,
  Route,
  RouteProber,
  routesOf,
  startDeployment,
  STRING_JUNK,
  TestDeployment,
  wrongTypes,
} from '@app/testing';

/**
 * Every route of the OpenAPI document, called by every kind of caller with junk path params,
 * junk query strings and junk bodies (fixed batches plus fast-check bodies): no answer may be
 * a 5xx, and every 4xx must be RFC 9457 problem details. New routes are covered automatically.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** fast-check bodies per write route. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('fuzz: no route answers bad input with a 5xx (OpenAPI-driven)', () => {
  let d: TestDeployment;
  let routes: Route[];
  /** Callers and the records the probes aim at. */
  let fx: FuzzFixtures;
  let prober: RouteProber;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'fuzz',
      worker: true,
      env: {
        // The prober sends each request from a fresh address (X-Forwarded-For).
        ...BEHIND_LOOPBACK_PROXY,
        RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '1000000',
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_IP_MAX_FAILURES: '1000000',
        LOGIN_ACCOUNT_MAX_FAILURES: '1000000',
      },
    });
    fx = await FuzzFixtures.create(d);
    prober = new RouteProber(d, fx, SEED);

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

  it('finds the routes in the OpenAPI document and reaches them', async () => {
    expect(routes.length).toBeGreaterThan(25);
    // A route left out of the document would escape the fuzz: every mounted route is in it.
    const documented = new Set(routes.map((r) => r.key));
    const mounted = mountedRoutes(d.api).filter(
      (key) => !key.slice(key.indexOf(' ') + 1).startsWith('/api/docs'),
    );
    expect(mounted.length).toBeGreaterThan(25);
    expect(mounted.filter((key) => !documented.has(key))).toEqual([]);
    // A plausible request per route and caller: learns who gets past authorisation.
    await prober.run(
      routes.flatMap((route) =>
        fx.callers.map((caller): Probe => ({
          route,
          caller,
          url: fx.urlOf(route),
          payload: isWrite(route) ? json(fx.plausibleBody(route)) : { kind: 'none' },
          label: 'plausible',
        })),
      ),
    );
    prober.assertClean();
  });

  it('answers junk path params without a 5xx', async () => {
    const probes: Probe[] = [];
    for (const route of routes.filter((r) => r.pathParams.length)) {
      const payload: Payload = isWrite(route) ? json(fx.plausibleBody(route)) : { kind: 'none' };
      for (const caller of fx.callers) {
        for (const [label, junk] of PATH_JUNK) {
          for (const name of route.pathParams) {
            probes.push({
              route,
              caller,
              url: fx.urlOf(route, { [name]: junk }),
              payload,
              label: `path ${name}=${label}`,
            });
          }
        }
      }
    }
    await prober.run(probes);
    prober.assertClean();
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
        for (const caller of fx.callers) {
          for (const query of QUERY_JUNK) {
            probes.push({
              route,
              caller,
              url: fx.urlOf(route, {}, query),
              payload: { kind: 'none' },
              label: query,
            });
          }
        }
        // Declared params: only callers that get past authorisation read them.
        for (const caller of prober.reachers(route)) {
          for (const query of declared) {
            probes.push({
              route,
              caller,
              url: fx.urlOf(route, {}, query),
              payload: { kind: 'none' },
              label: query,
            });
          }
        }
      } else {
        // Writes rarely read their query string: a short batch from one caller that reaches them.
        const caller = prober.reachers(route)[0];
        for (const query of [...QUERY_JUNK.slice(0, 8), ...declared]) {
          const payload = json(fx.plausibleBody(route));
          probes.push({ route, caller, url: fx.urlOf(route, {}, query), payload, label: query });
        }
      }
    }
    await prober.run(probes);
    prober.assertClean();
  }, 90_000);

  it('answers junk bodies without a 5xx', async () => {
    const probes: Probe[] = [];
    for (const route of routes.filter(isWrite)) {
      const base = fx.plausibleBody(route);
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
      const fs = bodyFields(route);
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
      for (const caller of fx.callers) {
        for (const [label, payload] of generic) {
          probes.push({ route, caller, url: fx.urlOf(route), payload, label: `body ${label}` });
        }
      }
      const who = prober.reachers(route);
      specific.forEach(([label, payload], i) => {
        const caller = who[i % who.length];
        probes.push({ route, caller, url: fx.urlOf(route), payload, label: `body ${label}` });
      });
      // Once per route, anonymously: a body over the limit and junk headers.
      probes.push({
        route,
        caller: fx.callers[0],
        url: fx.urlOf(route),
        payload: json({ ...base, big: 'x'.repeat(1_100_000) }),
        label: 'body over the limit',
      });
      for (const value of ['', 'x'.repeat(5000), "' OR 1=1 --", '\t']) {
        probes.push({
          route,
          caller: fx.callers[0],
          url: fx.urlOf(route),
          payload: json(base),
          headers: { 'Idempotency-Key': value, 'X-Access-Code': value },
          label: `headers ${clip(JSON.stringify(value), 10)}`,
        });
      }
    }
    await prober.run(probes);
    prober.assertClean();
  }, 90_000);

  it('answers fast-check bodies on every POST/PATCH/PUT route without a 5xx', async () => {
    for (const route of routes.filter(isWrite)) {
      const bodyArb = fuzzBody(route, fx);
      await fc.assert(
        fc.asyncProperty(
          bodyArb,
          fc.constantFrom(...prober.reachers(route)),
          async (text, caller) => {
            const url = fx.urlOf(route);
            await prober.send({ route, caller, url, payload: rawJson(text), label: 'fast-check' });
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    }
    prober.assertClean();
  }, 120_000);

  it('stays healthy after the barrage', async () => {
    await d.http().get('/api/v1/health/ready').expect(200);
    expect(prober.total).toBeGreaterThan(5000);
    console.info(
      `fuzz: ${prober.total} requests over ${prober.codes.size} routes, no 5xx (FUZZ_SEED=${SEED})`,
    );
  });
});
