import type { Response } from 'supertest';
import { METRIC, SUSPECT_TYPES } from '@app/common';
import { LOOKUP_SQL } from '../libs/investigation/src/lookup/lookup.service';
import {
  BEHIND_LOOPBACK_PROXY,
  caseOf,
  createStaff,
  eventually,
  RedisOutage,
  sampleValue,
  sql,
  startDeployment,
  submitReport,
  TestDeployment,
  TEST_REDIS_URL,
  TestStaff,
  validReportBody,
} from '@app/testing';

/**
 * `GET /api/v1/lookup` (DESIGN "Citizen notices and the public lookup"): the answer is a bucket,
 * a month from `several` on and the blocked flag. The suite files reports naming identifiers
 * 1, 2, 3, 9 and 10 times and then tries to learn more than that: exact counts, references,
 * names, amounts, dates, extra fields or headers, errors that differ for known values.
 */
const ANSWER_KEYS = ['blocked', 'lastReportedMonth', 'reports', 'type', 'value'];
/** Headers whose value changes from one response to the next whatever is looked up. */
const VOLATILE_HEADERS = [
  'date',
  'etag',
  'x-request-id',
  'x-ratelimit-remaining-lookup',
  'x-ratelimit-reset-lookup',
];

/** `+7707000000N` typed the way people do: `8 707 000 00 0N`. Same length for every N. */
const phone = (n: number) => ({
  typed: `8 707 000 00 ${String(n).padStart(2, '0')}`,
  e164: `+77070000${String(n).padStart(3, '0')}`,
});
const CARD = '4400 4301 2345 6789';
const CARD_DIGITS = CARD.replace(/ /g, '');

const almatyMonth = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
  }).format(at);

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('lookup: what the public may learn about an identifier', () => {
  const raw: string[] = [];
  let d: TestDeployment;
  let investigator: TestStaff;
  /** Identifier n is named by n distinct reports. */
  const NAMED = [1, 2, 3, 9, 10];

  const get = (query: string, ip = '192.0.2.1') =>
    d.http().get(`/api/v1/lookup?${query}`).set('X-Forwarded-For', ip);
  const q = (type: string, value: string) =>
    `type=${encodeURIComponent(type)}&value=${encodeURIComponent(value)}`;
  /** A 200 answer, checked to hold exactly the five fields. */
  async function look(type: string, value: string): Promise<Record<string, unknown>> {
    const res = await get(q(type, value));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(ANSWER_KEYS);
    return res.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    d = await startDeployment({
      label: 'lookup',
      worker: true,
      env: {
        ...BEHIND_LOOPBACK_PROXY,
        LOG_LEVEL: 'info',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_LOOKUP_PER_MINUTE: '100000',
      },
      logDestination: { write: (line: string) => void raw.push(line) },
    });
    investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    const bodies: Array<Record<string, unknown>> = [];
    for (const n of NAMED) {
      const p = phone(n);
      for (let i = 0; i < n; i += 1) {
        // The first report of each names the phone three ways: still one report.
        const again = i === 0;
        bodies.push(
          validReportBody({
            transactions: again
              ? [
                  {
                    paidAt: minutesAgo(90),
                    amount: '7500.00',
                    method: 'mobile_transfer',
                    toAccount: p.e164,
                  },
                ]
              : [],
            suspects: [
              { type: 'phone', value: i % 2 === 0 ? p.typed : p.e164 },
              ...(again
                ? [{ type: 'messenger', value: `+7 (707) 000-00-${p.e164.slice(-2)}` }]
                : []),
            ],
          }),
        );
      }
    }
    for (const value of [CARD, '4400-4301-2345-6789', CARD_DIGITS]) {
      bodies.push(
        validReportBody({
          transactions: [],
          suspects: [
            { type: 'card', value },
            { type: 'url', value: 'https://www.Fake-Shop.kz/item/1' },
          ],
        }),
      );
    }
    // Four at a time: quicker than one by one, gentle on a shared machine.
    for (let i = 0; i < bodies.length; i += 4) {
      await Promise.all(bodies.slice(i, i + 4).map((body) => submitReport(d, body)));
    }
  }, 180_000);
  afterAll(async () => d?.close());

  it('answers the buckets: none, few 1–2, several 3–9, many 10+; the month only from several', async () => {
    const month = almatyMonth(new Date());
    const expected: Record<number, [string, string | null]> = {
      0: ['none', null],
      1: ['few', null],
      2: ['few', null],
      3: ['several', month],
      9: ['several', month],
      10: ['many', month],
    };
    for (const [n, [reports, lastReportedMonth]] of Object.entries(expected)) {
      const body = await look('phone', phone(Number(n)).typed);
      expect(body).toEqual({
        type: 'phone',
        value: phone(Number(n)).e164,
        reports,
        lastReportedMonth,
        blocked: false,
      });
    }
  });

  it('finds the same reports however the value is typed', async () => {
    const p = phone(3);
    for (const spelling of [p.typed, p.e164, '87070000003', '+7 (707) 000-00-03', '7070000003']) {
      expect(await look('phone', spelling)).toMatchObject({ value: p.e164, reports: 'several' });
    }
    // A messenger handle that is a phone number is that phone.
    expect(await look('messenger', '+7 707 000 00 03')).toMatchObject({
      type: 'phone',
      reports: 'several',
    });
    for (const url of [
      'fake-shop.kz',
      'HTTP://FAKE-SHOP.KZ',
      'https://www.fake-shop.kz/other/page',
    ]) {
      expect(await look('url', url)).toMatchObject({
        type: 'url',
        value: 'fake-shop.kz',
        reports: 'several',
      });
    }
  });

  it('looks cards up by their keyed hash and answers them masked', async () => {
    for (const spelling of [CARD, '4400-4301-2345-6789', CARD_DIGITS, ` ${CARD} `]) {
      expect(await look('card', spelling)).toEqual({
        type: 'card',
        value: '**** **** **** 6789',
        reports: 'several',
        lastReportedMonth: almatyMonth(new Date()),
        blocked: false,
      });
    }
    // A card inside an e-mail or a handle is that card (DESIGN: kept like a card).
    expect(await look('email', `${CARD_DIGITS}@mail.kz`)).toMatchObject({
      type: 'card',
      value: '**** **** **** 6789',
      reports: 'several',
    });
    const [{ n }] = await sql<{ n: number }>(
      d,
      `SELECT count(*)::int AS n FROM report_identifiers WHERE value LIKE $1`,
      [`%${CARD_DIGITS}%`],
    );
    expect(n).toBe(0);
  });

  it('makes 1 and 2 reports, 3 and 9 reports look the same: body, headers, lengths', async () => {
    for (const [a, b] of [
      [1, 2],
      [3, 9],
    ]) {
      const [ra, rb] = [
        await get(q('phone', phone(a).typed)),
        await get(q('phone', phone(b).typed)),
      ];
      expect({ ...ra.body, value: 'x' }).toEqual({ ...rb.body, value: 'x' });
      expect(Object.keys(ra.headers).sort()).toEqual(Object.keys(rb.headers).sort());
      for (const name of Object.keys(ra.headers)) {
        if (!VOLATILE_HEADERS.includes(name))
          expect([name, ra.headers[name]]).toEqual([name, rb.headers[name]]);
      }
    }
  });

  it('carries nothing about reports, cases or victims, and is never cached', async () => {
    const responses: Response[] = [];
    for (const n of [0, ...NAMED]) responses.push(await get(q('phone', phone(n).typed)));
    responses.push(await get(q('card', CARD)), await get(q('url', 'fake-shop.kz')));
    const [{ references, cases }] = await sql<{ references: string[]; cases: string[] }>(
      d,
      `SELECT array_agg(r.reference) AS references,
              array_remove(array_agg(DISTINCT r.case_id::text), NULL) AS cases
         FROM reports r`,
    );
    const forbidden = [
      /FR-\d{4}-\d{6}/,
      /CY-\d{4}-\d{6}/,
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
      /\d{4}-\d{2}-\d{2}/, // no date finer than the month
      /7500|150000/, // amounts
      /Aigerim|Sarsenbayeva|aigerim@example\.kz|\+77011234567/i, // the reporter
      new RegExp(CARD_DIGITS),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(ANSWER_KEYS);
      expect(res.headers['cache-control']).toBe('no-store');
      const headers = Object.entries(res.headers).filter(([k]) => !VOLATILE_HEADERS.includes(k));
      const text = JSON.stringify(headers) + res.text;
      for (const pattern of forbidden) expect(text).not.toMatch(pattern);
      for (const id of [...references, ...cases]) expect(text).not.toContain(id);
      // Only the throttler's and the service's usual headers: nothing named after reports or cases.
      for (const name of Object.keys(res.headers)) {
        expect(name).not.toMatch(/report|case|count|total|victim|link/i);
      }
    }
  });

  it('answers a bad type or value with the same 400 whether the value is known or not', async () => {
    const known = phone(10);
    const unknown = phone(77);
    const cases: Array<[string, string, string]> = [
      // [query with the known value, the same with an unknown one, the field in errors[]]
      [q('fax', known.typed), q('fax', unknown.typed), 'type'],
      [q('iban', known.typed), q('iban', unknown.typed), 'value'],
      [q('card', '4400 4301 2345 6780'), q('card', '4111 1111 1111 1112'), 'value'],
      [`${q('phone', known.typed)}&extra=1`, `${q('phone', unknown.typed)}&extra=1`, 'extra'],
      [
        q('phone', known.typed + ' '.repeat(500)),
        q('phone', unknown.typed + ' '.repeat(500)),
        'value',
      ],
      [
        `type=phone&value=${known.e164}&value=${known.e164}`,
        `type=phone&value=${unknown.e164}&value=${unknown.e164}`,
        'value',
      ],
      [`value=${known.e164}`, `value=${unknown.e164}`, 'type'],
    ];
    for (const [withKnown, withUnknown, field] of cases) {
      const [a, b] = [await get(withKnown), await get(withUnknown)];
      expect([withKnown, a.status]).toEqual([withKnown, 400]);
      expect(b.status).toBe(400);
      expect(a.headers['content-type']).toContain('application/problem+json');
      const strip = (body: Record<string, unknown>) => ({
        ...body,
        instance: undefined,
        requestId: undefined,
      });
      expect(strip(a.body)).toEqual(strip(b.body));
      expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
      expect((a.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
      for (const value of [known.e164, known.typed, '4400 4301 2345 6780', known.e164.slice(2)]) {
        expect(a.text).not.toContain(value);
      }
    }
    // Every type refuses a value that cannot be one, with no 500 for junk.
    for (const type of SUSPECT_TYPES) {
      for (const junk of ['', ' ', 'a b', '\u0000', 'x'.repeat(501)]) {
        const res = await get(q(type, junk));
        expect([type, junk.length, res.status]).toEqual([type, junk.length, 400]);
      }
    }
  });

  it('shows an identifier with a blocked takedown as blocked, not a refused or pending one', async () => {
    const filed = await submitReport(
      d,
      validReportBody({
        transactions: [],
        suspects: [{ type: 'url', value: 'ring-one.example.kz' }],
      }),
    );
    const caseId = await caseOf(d, filed.id);
    const takedown = async (type: string, value: string, outcome?: 'blocked' | 'refused') => {
      const created = await investigator.api
        .post(`/cases/${caseId}/takedowns`, {
          kind: type === 'phone' ? 'phone_number' : 'website',
          identifier: { type, value },
          platform: 'Kcell',
          requestedAt: minutesAgo(120),
        })
        .expect(201);
      if (outcome) {
        await investigator.api
          .post(`/takedowns/${created.body.id}/outcome`, { outcome, at: minutesAgo(1) })
          .expect(200);
      }
    };
    await takedown('phone', phone(10).typed, 'blocked');
    await takedown('phone', phone(3).e164, 'refused');
    await takedown('phone', phone(9).e164);
    await takedown('phone', phone(55).typed, 'blocked');
    await takedown('url', 'https://ring-one.example.kz/pay', 'blocked');

    expect(await look('phone', phone(10).e164)).toMatchObject({ reports: 'many', blocked: true });
    expect(await look('phone', phone(3).e164)).toMatchObject({
      reports: 'several',
      blocked: false,
    });
    expect(await look('phone', phone(9).e164)).toMatchObject({
      reports: 'several',
      blocked: false,
    });
    // Blocked without any report naming it (a takedown from a chat, say).
    expect(await look('phone', '87070000055')).toEqual({
      type: 'phone',
      value: '+77070000055',
      reports: 'none',
      lastReportedMonth: null,
      blocked: true,
    });
    expect(await look('url', 'www.ring-one.example.kz')).toMatchObject({
      reports: 'few',
      lastReportedMonth: null,
      blocked: true,
    });
  });

  it('counts each answered lookup by type and bucket, and logs no value', async () => {
    const scrape = async () => (await d.http().get('/metrics').expect(200)).text;
    const before = await scrape();
    await look('phone', phone(1).typed);
    await look('card', CARD);
    await get(q('phone', 'not a phone')).expect(400);
    const after = await scrape();
    const delta = (labels: Record<string, string>) =>
      (sampleValue(after, METRIC.lookups, labels) ?? NaN) -
      (sampleValue(before, METRIC.lookups, labels) ?? NaN);
    expect(delta({ type: 'phone', reports: 'few' })).toBe(1);
    expect(delta({ type: 'card', reports: 'several' })).toBe(1);
    expect(delta({ type: 'phone', reports: 'none' })).toBe(0);
    for (const line of after.split('\n').filter((l) => l.startsWith(METRIC.lookups))) {
      expect(line).toMatch(
        /^fraud_lookups_total\{type="[a-z_]+",reports="(none|few|several|many)"\} \d+$/,
      );
    }

    const logged = raw.join('\n');
    const needles = [
      phone(1).e164,
      '707 000',
      '7070000',
      encodeURIComponent(phone(1).typed),
      CARD_DIGITS,
      '4400%204301',
      'fake-shop',
      'ring-one',
    ];
    for (const needle of needles) expect(logged).not.toContain(needle);
    const urls = raw
      .map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } })
      .filter((l) => l.msg === 'request completed' && l.req?.url?.startsWith('/api/v1/lookup'))
      .map((l) => l.req!.url);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls).toContain('/api/v1/lookup?type=phone&value=[redacted]');
  });

  it('reads at most ten index entries for a pyramid number named by 20,000 reports', async () => {
    const pyramid = phone(99);
    const first = await submitReport(
      d,
      validReportBody({ transactions: [], suspects: [{ type: 'phone', value: pyramid.typed }] }),
    );
    // 19,999 more in SQL (through the API this would take minutes), reported through 2025; the
    // latest at 00:30 on 1 December in Almaty, still 30 November in UTC.
    await sql(
      d,
      `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                            reporter_phone_enc, reporter_phone_bidx, region, language, age_group,
                            fraud_type, channel, occurred_at, description, loss_tiyn)
       SELECT 'FR-2000-' || lpad(g::text, 6, '0'), access_code_hash,
              timestamptz '2025-01-01T00:00:00Z' + g * interval '20 minutes',
              reporter_full_name, reporter_phone_enc, reporter_phone_bidx, region, language,
              age_group, fraud_type, channel, occurred_at, description, loss_tiyn
         FROM reports, generate_series(1, 19999) g WHERE id = $1`,
      [first.id],
    );
    await sql(
      d,
      `INSERT INTO report_identifiers (report_id, type, value, display, source, reported_at)
       SELECT id, 'phone', $1, 'masked', 'suspect', submitted_at
         FROM reports WHERE reference LIKE 'FR-2000-%'`,
      [pyramid.e164],
    );
    await sql(
      d,
      `UPDATE report_identifiers SET reported_at = '2025-11-30T19:30:00Z' WHERE report_id = $1`,
      [first.id],
    );
    await sql(d, 'ANALYZE report_identifiers');
    const [{ n }] = await sql<{ n: number }>(
      d,
      'SELECT count(*)::int AS n FROM report_identifiers WHERE type = $1 AND value = $2',
      ['phone', pyramid.e164],
    );
    expect(n).toBe(20_000);

    expect(await look('phone', pyramid.typed)).toEqual({
      type: 'phone',
      value: pyramid.e164,
      reports: 'many',
      lastReportedMonth: '2025-12',
      blocked: false,
    });

    interface PlanNode {
      'Node Type': string;
      'Index Name'?: string;
      'Actual Rows': number;
      'Actual Loops': number;
      Plans?: PlanNode[];
    }
    const [row] = await sql<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      d,
      `EXPLAIN (ANALYZE, FORMAT JSON) ${LOOKUP_SQL}`,
      ['phone', pyramid.e164, 'Asia/Almaty'],
    );
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(row['QUERY PLAN'][0].Plan);
    const scans = nodes.filter(
      (node) => node['Index Name'] === 'ix_report_identifiers_type_value_reported_at',
    );
    expect(scans).toHaveLength(1);
    expect(scans[0]['Node Type']).toMatch(/^Index (Only )?Scan$/);
    expect(scans[0]['Actual Rows'] * scans[0]['Actual Loops']).toBeLessThanOrEqual(10);
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
  });
});

describe('lookup: the per-IP limit', () => {
  let d: TestDeployment;
  const LIMIT = 5;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'lookup-limit',
      env: { ...BEHIND_LOOPBACK_PROXY, RATE_LIMIT_LOOKUP_PER_MINUTE: String(LIMIT) },
    });
  });
  afterAll(async () => d?.close());

  const lookup = (ip: string, value = '87070000001') =>
    d
      .http()
      .get(`/api/v1/lookup?type=phone&value=${encodeURIComponent(value)}`)
      .set('X-Forwarded-For', ip);

  it('answers no more than the limit of 20 parallel lookups from one IP, bad ones included', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        lookup('192.0.2.50', i % 3 === 0 ? 'junk' : '87070000001'),
      ),
    );
    const answered = results.filter((r) => r.status !== 429);
    expect(answered).toHaveLength(LIMIT);
    for (const res of answered) expect([200, 400]).toContain(res.status);
    for (const res of results.filter((r) => r.status === 429)) {
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // Still limited afterwards; another address is not; the citizen can still file a report.
    expect((await lookup('192.0.2.50', '87070000002')).status).toBe(429);
    expect((await lookup('192.0.2.51')).status).toBe(200);
    expect(
      (await d.http().post('/api/v1/reports').set('X-Forwarded-For', '192.0.2.50').send({})).status,
    ).toBe(400);
  });
});

describe('lookup: without Redis', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  let d: TestDeployment;

  beforeAll(async () => {
    await outage.up();
    d = await startDeployment({ label: 'lookup-redis-down', env: { REDIS_URL: outage.url } });
  });
  afterAll(async () => {
    await outage.up();
    await d?.close();
    await outage.down();
  });

  it('fails closed: 503 with Retry-After, not unlimited, while reports are still filed', async () => {
    const lookup = () => d.http().get('/api/v1/lookup?type=phone&value=87070000001');
    expect((await lookup()).status).toBe(200);
    await outage.down();
    const res = await lookup();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // The public limit fails open, as before: filing a report does not need Redis.
    await submitReport(d);
    await outage.up();
    // Answered again once the client has reconnected.
    await eventually(async () => (await lookup()).status === 200, 30_000, 500);
  });
});
