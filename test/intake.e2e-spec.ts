import { DataSource } from 'typeorm';
import { generateValidIin } from '@app/common';
import {
  API_PREFIX,
  ReportBody,
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  TestDeployment,
  validReportBody,
} from '@app/testing';

const REPORTS = '/reports';
const VALID_IIN = generateValidIin(new Date(Date.UTC(1985, 4, 12)), 4, 1234);
const BAD_IIN = VALID_IIN.slice(0, 11) + String((Number(VALID_IIN[11]) + 1) % 10);
const hoursFromNow = (h: number): string => new Date(Date.now() + h * 3600_000).toISOString();

function tx(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { paidAt: hoursFromNow(-2), amount: '1000.00', method: 'card', ...overrides };
}

interface FieldError {
  field: string;
  message: string;
}

describe('intake: POST /api/v1/reports', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** An anonymous caller: the citizen. */
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'intake',
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

  describe('happy path', () => {
    it('answers 202 with reference, one-time access code, status and time', async () => {
      const res = await citizen.post(REPORTS, validReportBody()).expect(202);
      expect(res.body).toEqual({
        reference: expect.stringMatching(/^FR-\d{4}-\d{6}$/),
        accessCode: expect.stringMatching(/^[23456789A-HJ-NP-Z]{12}$/),
        status: 'received',
        submittedAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(res.body.submittedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('gives 50 concurrent submissions 50 distinct references', async () => {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => citizen.post(REPORTS, validReportBody())),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202));
      const references = responses.map((r) => r.body.reference as string);
      expect(new Set(references).size).toBe(50);
      for (const reference of references) expect(reference).toMatch(/^FR-\d{4}-\d{6}$/);
      const [{ count }] = await db.query(
        'SELECT count(*)::int AS count FROM reports WHERE reference = ANY($1)',
        [references],
      );
      expect(count).toBe(50);
    });

    it('numbers references per year, one after the other', async () => {
      const a = await submitReport(d);
      const b = await submitReport(d);
      const [, yearA, numA] = a.reference.split('-');
      const [, yearB, numB] = b.reference.split('-');
      expect(yearB).toBe(yearA);
      expect(Number(numB)).toBe(Number(numA) + 1);
      const [counter] = await db.query(
        'SELECT last_value FROM reference_counters WHERE year = $1',
        [Number(yearA)],
      );
      expect(counter.last_value).toBeGreaterThanOrEqual(Number(numB));
    });

    it('stores personal data encrypted, the code as an HMAC, and the loss in tiyn', async () => {
      const body = validReportBody({
        transactions: [tx({ amount: '150000.00' }), tx({ amount: '0.55', method: 'crypto' })],
      });
      const { id, accessCode } = await submitReport(d, body);
      const [row] = await db.query('SELECT * FROM reports WHERE id = $1', [id]);
      expect(row).toMatchObject({
        status: 'received',
        loss_tiyn: '15000055',
        region: 'almaty_city',
        language: 'ru',
        age_group: 'adult',
        fraud_type: 'online_purchase',
        reporter_full_name: 'Aigerim Nurlanovna Sarsenbayeva',
        loan: null,
        case_id: null,
      });
      const serialized = JSON.stringify(row);
      for (const secret of [VALID_IIN, '+77011234567', '7011234567', accessCode, 'aigerim@']) {
        expect(serialized).not.toContain(secret);
      }
      expect(row.access_code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.reporter_phone_enc).toMatch(/^v1\./);
      expect(row.reporter_iin_enc).toMatch(/^v1\./);
      expect(row.reporter_email_enc).toMatch(/^v1\./);
      const txs = await db.query(
        'SELECT position, amount_tiyn, method, to_account_type, to_account_value, to_account_display FROM report_transactions WHERE report_id = $1 ORDER BY position',
        [id],
      );
      expect(txs).toEqual([
        {
          position: 0,
          amount_tiyn: '15000000',
          method: 'card',
          to_account_type: null,
          to_account_value: null,
          to_account_display: null,
        },
        {
          position: 1,
          amount_tiyn: '55',
          method: 'crypto',
          to_account_type: null,
          to_account_value: null,
          to_account_display: null,
        },
      ]);
    });

    it('normalises any KZ phone spelling to one blind index', async () => {
      const spellings = ['8 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '+77011234567'];
      const indexes = new Set<string>();
      for (const phone of spellings) {
        const { id } = await submitReport(d, validReportBody({ reporter: { phone } }));
        const [row] = await db.query('SELECT reporter_phone_bidx FROM reports WHERE id = $1', [id]);
        indexes.add(row.reporter_phone_bidx);
      }
      expect(indexes.size).toBe(1);
    });

    it('keeps every suspect and destination as a normalised identifier, never a card number', async () => {
      const body = validReportBody({
        transactions: [
          tx({ toAccount: '4111-1111-1111-1111' }),
          tx({ toAccount: 'kz86 125k zt50 0410 0100' }),
          tx({ toAccount: '8 (705) 555 12 34' }),
        ],
        suspects: [
          { type: 'phone', value: '+7 705 555 12 34' },
          { type: 'card', value: '4111 1111 1111 1111' },
          { type: 'url', value: 'https://WWW.Fake-Shop.kz/item?id=1' },
          { type: 'messenger', value: '@Fraud_Seller' },
          { type: 'email', value: 'Scam@Example.com' },
        ],
      });
      const { id } = await submitReport(d, body);
      const ids = await db.query(
        'SELECT type, value, display, source FROM report_identifiers WHERE report_id = $1 ORDER BY type, source',
        [id],
      );
      const card = ids.find((i: { type: string }) => i.type === 'card');
      expect(card.value).toMatch(/^[0-9a-f]{64}$/);
      expect(card.display).toBe('**** **** **** 1111');
      expect(
        ids.map((i: { type: string; value: string; source: string }) => [i.type, i.source]),
      ).toEqual([
        ['card', 'suspect'],
        ['email', 'suspect'],
        ['iban', 'transaction'],
        ['messenger', 'suspect'],
        ['phone', 'suspect'],
        ['url', 'suspect'],
      ]);
      const values = Object.fromEntries(
        ids.map((i: { type: string; value: string }) => [i.type, i.value]),
      );
      expect(values).toMatchObject({
        phone: '+77055551234',
        iban: 'KZ86125KZT5004100100',
        url: 'fake-shop.kz',
        messenger: 'fraud_seller',
        email: 'scam@example.com',
      });
      const [txCard] = await db.query(
        "SELECT to_account_value, to_account_display FROM report_transactions WHERE report_id = $1 AND to_account_type = 'card'",
        [id],
      );
      expect(txCard).toEqual({ to_account_value: card.value, to_account_display: card.display });
      // No table holds the card number in any spelling.
      const dump = JSON.stringify(
        await Promise.all(
          ['reports', 'report_transactions', 'report_identifiers', 'outbox'].map((t) =>
            db.query(`SELECT * FROM ${t}`),
          ),
        ),
      );
      expect(dump).not.toMatch(/4111[- ]?1111[- ]?1111[- ]?1111/);
    });

    it('writes one outbox row for triage in the same transaction', async () => {
      const { id } = await submitReport(d);
      const rows = await db.query(
        'SELECT topic, aggregate_id, payload, relayed_at FROM outbox WHERE aggregate_id = $1',
        [id],
      );
      expect(rows).toEqual([
        {
          topic: 'report.submitted',
          aggregate_id: id,
          payload: { reportId: id, jobId: `report-${id}` },
          relayed_at: null,
        },
      ]);
    });

    it('adds the loan to the loss of a fake_loan report', async () => {
      const body = validReportBody({
        incident: { fraudType: 'fake_loan' },
        loan: {
          lender: 'QuickCredit LLP',
          contractNumber: 'QC-2024-118',
          amount: '300000.00',
          issuedAt: hoursFromNow(-48),
        },
      });
      const { id } = await submitReport(d, body);
      const [row] = await db.query('SELECT loss_tiyn, loan FROM reports WHERE id = $1', [id]);
      expect(row.loss_tiyn).toBe('45000000');
      expect(row.loan).toMatchObject({
        lender: 'QuickCredit LLP',
        contractNumber: 'QC-2024-118',
        amountTiyn: '30000000',
      });
    });

    it('accepts the bounds: 50 items, the maximum amount, no optional fields', async () => {
      const many = validReportBody({
        transactions: Array.from({ length: 50 }, () => tx({ amount: '1000000000000.00' })),
        suspects: Array.from({ length: 50 }, (_, i) => ({
          type: 'url',
          value: `site${i}.kz`,
        })),
      });
      const { id } = await submitReport(d, many);
      const [row] = await db.query('SELECT loss_tiyn FROM reports WHERE id = $1', [id]);
      expect(row.loss_tiyn).toBe('5000000000000000');
      const minimal = {
        reporter: { fullName: 'Ab', phone: '7011234567', region: 'astana' },
        incident: {
          fraudType: 'other',
          channel: 'other',
          occurredAt: '2024-02-29T23:59:00+05:00',
          description: 'x'.repeat(20),
        },
        consent: true,
      };
      const min = await submitReport(d, minimal);
      const [minRow] = await db.query(
        'SELECT loss_tiyn, language, age_group, reporter_iin_enc, reporter_email_enc FROM reports WHERE id = $1',
        [min.id],
      );
      expect(minRow).toEqual({
        loss_tiyn: '0',
        language: 'ru',
        age_group: 'adult',
        reporter_iin_enc: null,
        reporter_email_enc: null,
      });
    });
  });

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
