import fc from 'fast-check';
import { ReportBody, startDeployment, TestDeployment, validReportBody } from '@app/testing';

type Path = Array<string | number>;

/** Every place in a valid body a mutation may hit. */
const PATHS: Path[] = [
  [],
  ['reporter'],
  ...['fullName', 'iin', 'phone', 'email', 'region', 'language', 'ageGroup'].map((k) => [
    'reporter',
    k,
  ]),
  ['incident'],
  ...['fraudType', 'channel', 'occurredAt', 'description'].map((k) => ['incident', k]),
  ['transactions'],
  ['transactions', 0],
  ['transactions', 1],
  ...['paidAt', 'amount', 'method', 'fromBank', 'toBank', 'toAccount'].map((k) => [
    'transactions',
    0,
    k,
  ]),
  ['suspects'],
  ['suspects', 0],
  ['suspects', 0, 'type'],
  ['suspects', 0, 'value'],
  ['suspects', 1, 'value'],
  ['loan'],
  ['loan', 'amount'],
  ['loan', 'issuedAt'],
  ['consent'],
];

// Deep nesting is spliced into the JSON text: JSON.stringify itself would overflow the stack.
const DEEP_MARKER = /"@@deep:(\d+)@@"/g;
const deep = (depth: number): string => `@@deep:${depth}@@`;
const expandDeep = (json: string): string =>
  json.replace(
    DEEP_MARKER,
    (_m, n: string) => '{"n":['.repeat(Number(n)) + '1' + ']}'.repeat(Number(n)),
  );

const extremeStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u0644\u0627',
  '💸'.repeat(300),
  'x'.repeat(6000),
  '9'.repeat(400),
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '0x1F',
  '1000000000000.001',
  '99999999999999999999.99',
  '2024-02-30T10:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '0000-01-01T00:00:00Z',
  "'; DROP TABLE reports; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'KZ86125KZT5004100100'.repeat(10),
  '4111 1111 1111 1111 4111',
  '+7 (701) 123-45-67 ext 5',
);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }) },
  { weight: 2, arbitrary: extremeStrings },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      5e-324,
      [],
      {},
      [[[]]],
      [null],
      { __proto__: { consent: true } },
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 50_000 }).map(deep) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: 3000 }).map((n) => new Array(n).fill({})) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.bigInt().map((n) => n.toString()) },
);

type Mutation =
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'addKey'; path: Path; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: junk }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant('addKey' as const),
    path: fc.constantFrom(...PATHS),
    key: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', '')),
    value: junk,
  }),
);

function apply(body: ReportBody, m: Mutation): unknown {
  if (m.path.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'delete') return {};
    Object.defineProperty(body, m.key, { value: m.value, enumerable: true, writable: true });
    return body;
  }
  let parent: unknown = body;
  for (const step of m.path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return body;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (typeof parent !== 'object' || parent === null) return body;
  const container = parent as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1];
  if (m.kind === 'set') container[last] = m.value;
  else if (m.kind === 'delete') delete container[last];
  else {
    const target = container[last];
    if (typeof target === 'object' && target !== null) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true });
    }
  }
  return body;
}

const mutatedBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
      let body: unknown = validReportBody();
      for (const m of ms) {
        body = typeof body === 'object' && body !== null ? apply(body as ReportBody, m) : body;
      }
      return expandDeep(JSON.stringify(body) ?? 'null');
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    // Raw text: keys JSON.stringify cannot produce from a normal object, and broken JSON.
    arbitrary: fc.constantFrom(
      `{"__proto__":{"consent":true},${JSON.stringify(validReportBody()).slice(1)}`,
      `{"constructor":{"prototype":{"x":1}},${JSON.stringify(validReportBody()).slice(1)}`,
      JSON.stringify(validReportBody()).slice(0, -5),
      `${JSON.stringify(validReportBody())}garbage`,
      '{"reporter":{"fullName":"\\ud800\\udc00\\u0000"}}',
    ),
  },
);

describe('reports: fuzzing POST /api/v1/reports never yields a 5xx', () => {
  let d: TestDeployment;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-fuzz',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' },
    });
  });
  afterAll(async () => d?.close());

  it('answers 2,000+ mutated bodies with 202, 400 or 413 problem details', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutatedBody, async (raw) => {
        const res = await d
          .http()
          .post('/api/v1/reports')
          .set('Content-Type', 'application/json')
          .send(raw);
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect([202, 400, 413]).toContain(res.status);
        if (res.status !== 202) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.body.status).toBe(res.status);
        }
      }),
      { numRuns: 2100, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    // Mutations leave some bodies valid: both outcomes must be exercised.
    expect(seen.get(400) ?? 0).toBeGreaterThan(1000);
    expect(seen.get(202) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
