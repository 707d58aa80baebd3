import { DataSource } from 'typeorm';
import {
  API_PREFIX,
  BAD_IIN,
  hoursFromNow,
  ReportBody,
  reportTransaction as tx,
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
  validReportBody,
} from '@app/testing';

const REPORTS = '/reports';

interface FieldError {
  field: string;
  message: string;
}

describe('reports: POST /api/v1/reports rejects invalid reports', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** An anonymous caller: the citizen. */
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-validation',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    db = d.api.get(DataSource);
    citizen = staffClient(d);
  });
  afterAll(async () => d?.close());

  async function expectInvalid(body: unknown, fields: string[]): Promise<FieldError[]> {
    const res = await citizen.post(REPORTS, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/validation-failed', status: 400 });
    const reported = (res.body.errors as FieldError[]).map((e) => e.field);
    for (const field of fields) expect(reported).toContain(field);
    return res.body.errors as FieldError[];
  }

  describe('validation: each rule answers 400 naming the field', () => {
    const cases: Array<[string, ReportBody, string]> = [
      ['fullName too short', validReportBody({ reporter: { fullName: 'A' } }), 'reporter.fullName'],
      [
        'fullName too long',
        validReportBody({ reporter: { fullName: 'A'.repeat(201) } }),
        'reporter.fullName',
      ],
      ['fullName blank', validReportBody({ reporter: { fullName: '    ' } }), 'reporter.fullName'],
      [
        'fullName with NUL',
        validReportBody({ reporter: { fullName: 'Ab\u0000c' } }),
        'reporter.fullName',
      ],
      ['IIN control digit', validReportBody({ reporter: { iin: BAD_IIN } }), 'reporter.iin'],
      ['IIN length', validReportBody({ reporter: { iin: '12345' } }), 'reporter.iin'],
      ['phone missing', validReportBody({ reporter: { phone: undefined } }), 'reporter.phone'],
      [
        'phone not KZ',
        validReportBody({ reporter: { phone: '+1 202 555 0100' } }),
        'reporter.phone',
      ],
      ['email', validReportBody({ reporter: { email: 'not-an-email' } }), 'reporter.email'],
      ['region', validReportBody({ reporter: { region: 'moscow' } }), 'reporter.region'],
      ['language', validReportBody({ reporter: { language: 'de' } }), 'reporter.language'],
      ['ageGroup', validReportBody({ reporter: { ageGroup: 'child' } }), 'reporter.ageGroup'],
      ['fraudType', validReportBody({ incident: { fraudType: 'theft' } }), 'incident.fraudType'],
      ['channel', validReportBody({ incident: { channel: 'pigeon' } }), 'incident.channel'],
      [
        'occurredAt future',
        validReportBody({ incident: { occurredAt: hoursFromNow(2) } }),
        'incident.occurredAt',
      ],
      [
        'occurredAt no zone',
        validReportBody({ incident: { occurredAt: '2024-05-01T10:00:00' } }),
        'incident.occurredAt',
      ],
      [
        'occurredAt impossible',
        validReportBody({ incident: { occurredAt: '2023-02-29T10:00:00Z' } }),
        'incident.occurredAt',
      ],
      [
        'occurredAt before 1970',
        validReportBody({ incident: { occurredAt: '1900-01-01T00:00:00Z' } }),
        'incident.occurredAt',
      ],
      [
        'description short',
        validReportBody({ incident: { description: 'x'.repeat(19) } }),
        'incident.description',
      ],
      [
        'description long',
        validReportBody({ incident: { description: 'x'.repeat(5001) } }),
        'incident.description',
      ],
      [
        'amount zero',
        validReportBody({ transactions: [tx({ amount: '0.00' })] }),
        'transactions[0].amount',
      ],
      [
        'amount three decimals',
        validReportBody({ transactions: [tx({ amount: '10.001' })] }),
        'transactions[0].amount',
      ],
      [
        'amount over max',
        validReportBody({ transactions: [tx({ amount: '1000000000000.01' })] }),
        'transactions[0].amount',
      ],
      [
        'amount negative',
        validReportBody({ transactions: [tx({ amount: '-5.00' })] }),
        'transactions[0].amount',
      ],
      [
        'amount exponent',
        validReportBody({ transactions: [tx({ amount: '1e5' })] }),
        'transactions[0].amount',
      ],
      [
        'amount as number',
        validReportBody({ transactions: [tx({ amount: 100 })] }),
        'transactions[0].amount',
      ],
      [
        'amount with comma',
        validReportBody({ transactions: [tx({ amount: '12 500,50' })] }),
        'transactions[0].amount',
      ],
      [
        'paidAt future',
        validReportBody({ transactions: [tx({ paidAt: hoursFromNow(1) })] }),
        'transactions[0].paidAt',
      ],
      [
        'method',
        validReportBody({ transactions: [tx({ method: 'barter' })] }),
        'transactions[0].method',
      ],
      [
        'fromBank too long',
        validReportBody({ transactions: [tx({ fromBank: 'B'.repeat(201) })] }),
        'transactions[0].fromBank',
      ],
      [
        'toAccount junk',
        validReportBody({ transactions: [tx({ toAccount: '12345' })] }),
        'transactions[0].toAccount',
      ],
      [
        'toAccount card Luhn',
        validReportBody({ transactions: [tx({ toAccount: '4111111111111112' })] }),
        'transactions[0].toAccount',
      ],
      [
        'toAccount IBAN check',
        validReportBody({ transactions: [tx({ toAccount: 'KZ87125KZT5004100100' })] }),
        'transactions[0].toAccount',
      ],
      [
        '51 transactions',
        validReportBody({ transactions: Array.from({ length: 51 }, () => tx()) }),
        'transactions',
      ],
      [
        '51 suspects',
        validReportBody({
          suspects: Array.from({ length: 51 }, () => ({ type: 'url', value: 'a.kz' })),
        }),
        'suspects',
      ],
      [
        'suspect type',
        validReportBody({ suspects: [{ type: 'fax', value: '123' }] }),
        'suspects[0].type',
      ],
      [
        'suspect card Luhn',
        validReportBody({ suspects: [{ type: 'card', value: '4111 1111 1111 1112' }] }),
        'suspects[0].value',
      ],
      [
        'suspect IBAN',
        validReportBody({ suspects: [{ type: 'iban', value: 'KZ00 0000' }] }),
        'suspects[0].value',
      ],
      [
        'suspect phone',
        validReportBody({ suspects: [{ type: 'phone', value: 'call me' }] }),
        'suspects[0].value',
      ],
      [
        'suspect value long',
        validReportBody({ suspects: [{ type: 'url', value: `${'a'.repeat(500)}.kz` }] }),
        'suspects[0].value',
      ],
      [
        'loan for another type',
        validReportBody({ loan: { lender: 'X', amount: '1.00', issuedAt: hoursFromNow(-1) } }),
        'loan',
      ],
      [
        'loan amount',
        validReportBody({
          incident: { fraudType: 'fake_loan' },
          loan: { lender: 'X', amount: '0', issuedAt: hoursFromNow(-1) },
        }),
        'loan.amount',
      ],
      [
        'loan issuedAt future',
        validReportBody({
          incident: { fraudType: 'fake_loan' },
          loan: { lender: 'X', amount: '1.00', issuedAt: hoursFromNow(3) },
        }),
        'loan.issuedAt',
      ],
      [
        'loan lender missing',
        validReportBody({
          incident: { fraudType: 'fake_loan' },
          loan: { amount: '1.00', issuedAt: hoursFromNow(-1) },
        }),
        'loan.lender',
      ],
      ['consent false', validReportBody({ consent: false }), 'consent'],
      ['consent as string', validReportBody({ consent: 'true' }), 'consent'],
      ['consent missing', validReportBody({ consent: undefined }), 'consent'],
      ['reporter missing', validReportBody({ reporter: undefined }), 'reporter'],
      [
        'reporter as array',
        validReportBody({ reporter: [validReportBody().reporter] }),
        'reporter',
      ],
      ['reporter as string', validReportBody({ reporter: 'me' }), 'reporter'],
      ['incident null', validReportBody({ incident: null }), 'incident'],
      ['transactions as object', validReportBody({ transactions: tx() }), 'transactions'],
      [
        'transactions of numbers',
        validReportBody({ transactions: [1, 'x', null] }),
        'transactions',
      ],
      ['nested arrays', validReportBody({ transactions: [[tx()]] }), 'transactions'],
      ['phone as number', validReportBody({ reporter: { phone: 77011234567 } }), 'reporter.phone'],
      ['huge number', validReportBody({ reporter: { fullName: 1e308 } }), 'reporter.fullName'],
      ['unknown top-level field', validReportBody({ priority: 'P1' }), 'priority'],
      [
        'unknown nested field',
        validReportBody({ reporter: { nickname: 'x' } }),
        'reporter.nickname',
      ],
      [
        'unknown field in a list',
        validReportBody({ transactions: [tx({ note: 'x' })] }),
        'transactions[0].note',
      ],
    ];

    it.each(cases)('%s', async (_name, body, field) => {
      await expectInvalid(body, [field]);
    });

    it('lists every failing field at once', async () => {
      const body = validReportBody({
        reporter: { iin: BAD_IIN, phone: '123' },
        transactions: [tx(), tx({ amount: '0' })],
        suspects: [{ type: 'card', value: '1234' }],
        consent: false,
      });
      const errors = await expectInvalid(body, [
        'reporter.iin',
        'reporter.phone',
        'transactions[1].amount',
        'suspects[0].value',
        'consent',
      ]);
      expect(errors.every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
    });

    it('stores nothing for a rejected report', async () => {
      const [{ count: before }] = await db.query('SELECT count(*)::int AS count FROM reports');
      await expectInvalid(validReportBody({ consent: false }), ['consent']);
      const [{ count: after }] = await db.query('SELECT count(*)::int AS count FROM reports');
      expect(after).toBe(before);
    });

    it('answers malformed JSON, non-object bodies and other media types with 400', async () => {
      for (const raw of ['{"reporter": ', '[]', '"text"', 'null', '12']) {
        const res = await d
          .http()
          .post(`${API_PREFIX}${REPORTS}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const text = await d
        .http()
        .post(`${API_PREFIX}${REPORTS}`)
        .set('Content-Type', 'text/plain')
        .send('hello');
      expect(text.status).toBe(400);
    });

    it('answers absurdly deep JSON with 400, not a stack overflow', async () => {
      const depth = 20_000;
      const raw = JSON.stringify(validReportBody({ junk: '@@' })).replace(
        '"@@"',
        '['.repeat(depth) + ']'.repeat(depth),
      );
      const res = await d
        .http()
        .post(`${API_PREFIX}${REPORTS}`)
        .set('Content-Type', 'application/json')
        .send(raw);
      expect(res.status).toBe(400);
    });

    it('answers an oversized body with 413', async () => {
      const body = validReportBody({ incident: { description: 'x'.repeat(1_200_000) } });
      const res = await citizen.post(REPORTS, body);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
    });

    it('never leaks a stack trace or personal data in a problem', async () => {
      const res = await citizen
        .post(REPORTS, validReportBody({ reporter: { iin: BAD_IIN } }))
        .expect(400);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(BAD_IIN);
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });
});
