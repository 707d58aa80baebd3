import { DataSource } from 'typeorm';
import {
  hoursFromNow,
  reportTransaction as tx,
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  TestDeployment,
  VALID_IIN,
  validReportBody,
} from '@app/testing';

const REPORTS = '/reports';

describe('reports: POST /api/v1/reports files a report', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** An anonymous caller: the citizen. */
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-intake',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    db = d.api.get(DataSource);
    citizen = staffClient(d);
  });
  afterAll(async () => d?.close());

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
      // No stored status: a report without a case is `received` (derived where it is read).
      expect(row).not.toHaveProperty('status');
      expect(row).toMatchObject({
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
});
