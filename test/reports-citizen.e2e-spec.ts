import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  SubmittedReport,
  TestDeployment,
} from '@app/testing';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000dIHDR fake png body'),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const REFERENCE_LIMIT = 8;

describe('reports: the citizen endpoints behind the access code', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** An anonymous caller: the citizen. */
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-citizen',
      env: {
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: String(REFERENCE_LIMIT),
      },
    });
    db = d.api.get(DataSource);
    citizen = staffClient(d);
  });
  afterAll(async () => d?.close());

  const statusOf = (r: Pick<SubmittedReport, 'reference'>, code: string) =>
    citizen.get(`/reports/${r.reference}/status`).set('X-Access-Code', code);

  function wrongCode(code: string): string {
    return code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
  }

  describe('GET /reports/{reference}/status', () => {
    it('shows status, money and the received entry to the holder of the code', async () => {
      const r = await submitReport(d);
      const res = await statusOf(r, r.accessCode).expect(200);
      expect(res.body).toEqual({
        reference: r.reference,
        status: 'received',
        submittedAt: expect.any(String),
        language: 'ru',
        loss: '150000.00',
        frozen: '0.00',
        reimbursed: '0.00',
        timeline: [
          { at: res.body.submittedAt, code: 'report.received', message: 'Ваше заявление принято.' },
        ],
        statements: [],
        evidence: [],
      });
    });

    it('writes the timeline in ?lang= when asked, and answers a bad lang with a 400 problem', async () => {
      const r = await submitReport(d);
      const kk = await statusOf(r, r.accessCode).query({ lang: 'kk' }).expect(200);
      expect(kk.body).toMatchObject({ language: 'kk', status: 'received' });
      expect(kk.body.timeline[0]).toMatchObject({
        code: 'report.received',
        message: 'Арызыңыз қабылданды.',
      });
      const en = await statusOf(r, r.accessCode).query({ lang: 'en' }).expect(200);
      expect(en.body.timeline[0].message).toBe('Your report was received.');
      const bad = await statusOf(r, r.accessCode).query({ lang: 'de' }).expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.body).toMatchObject({ status: 400, errors: [{ field: 'lang' }] });
      // The code is checked first: a bad lang with a wrong code is still the one 404.
      await statusOf(r, wrongCode(r.accessCode)).query({ lang: 'de' }).expect(404);
    });

    it('lists the statements and files the citizen sent, cards masked as stored', async () => {
      const r = await submitReport(d);
      const paidAt = new Date(Date.now() - 3_600_000).toISOString();
      await citizen
        .post(`/reports/${r.reference}/statements`, {
          text: 'I also paid to card 4111 1111 1111 1111 yesterday.',
          transactions: [
            {
              paidAt,
              amount: '2500.5',
              method: 'card',
              toBank: 'Kaspi',
              toAccount: '5555 5555 5555 4444',
            },
          ],
          suspects: [
            { type: 'phone', value: '8 705 555 12 34' },
            { type: 'messenger', value: '@Scammer' },
          ],
        })
        .set('X-Access-Code', r.accessCode)
        .expect(201);
      await citizen
        .upload(`/reports/${r.reference}/evidence`)
        .set('X-Access-Code', r.accessCode)
        .attach('file', PNG, { filename: 'перевод.png', contentType: 'image/png' })
        .expect(201);
      const res = await statusOf(r, r.accessCode).query({ lang: 'en' }).expect(200);
      expect(res.body.statements).toEqual([
        {
          at: expect.any(String),
          text: 'I also paid to card **** **** **** 1111 yesterday.',
          transactions: [
            {
              paidAt: new Date(paidAt).toISOString(),
              amount: '2500.50',
              method: 'card',
              fromBank: null,
              toBank: 'Kaspi',
              toAccount: '**** **** **** 4444',
            },
          ],
          suspects: [
            { type: 'phone', value: '+7705***1234' },
            { type: 'messenger', value: 'scammer' },
          ],
        },
      ]);
      expect(res.body.evidence).toEqual([
        {
          name: 'перевод.png',
          size: PNG.length,
          sha256: createHash('sha256').update(PNG).digest('hex'),
          at: expect.any(String),
        },
      ]);
      expect(res.body.timeline.map((e: { code: string }) => e.code)).toEqual([
        'report.received',
        'report.statement_added',
        'report.evidence_added',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(
        /4111111111111111|5555555555554444|4111 1111 1111 1111/,
      );
    });

    it('accepts the code in lower case and with dashes', async () => {
      const r = await submitReport(d);
      const typed = `${r.accessCode.slice(0, 4)}-${r.accessCode.slice(4, 8)}-${r.accessCode.slice(8)}`;
      await statusOf(r, typed.toLowerCase()).expect(200);
      await statusOf({ reference: r.reference.toLowerCase() }, r.accessCode).expect(200);
    });

    it('answers a wrong code, an unknown reference and a missing code with the same 404', async () => {
      const r = await submitReport(d);
      const wrong = await statusOf(r, wrongCode(r.accessCode)).expect(404);
      const unknown = await statusOf({ reference: 'FR-2020-999999' }, r.accessCode).expect(404);
      const missing = await citizen.get(`/reports/${r.reference}/status`).expect(404);
      const malformed = await statusOf({ reference: 'nonsense' }, r.accessCode).expect(404);
      expect(wrong.body).toEqual(unknown.body);
      expect(missing.body).toEqual(unknown.body);
      expect(malformed.body).toEqual(unknown.body);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
    });

    it('audits denied access without the code', async () => {
      const r = await submitReport(d);
      const bad = wrongCode(r.accessCode);
      await statusOf(r, bad).expect(404);
      const rows = await db.query(
        "SELECT * FROM audit_log WHERE action = 'access.denied' AND target_id = $1",
        [r.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_role: 'citizen', target_type: 'report' });
      expect(rows[0].detail).toEqual({ reason: 'wrong_access_code', reference: r.reference });
      expect(JSON.stringify(rows)).not.toContain(bad);
    });

    it('shows public case events and the money recorded for the report, not internal notes', async () => {
      const r = await submitReport(d);
      // The rows triage and the funds API leave behind; the report's status and money are
      // derived from them (the case status, the freezes, the reimbursements not reversed).
      const [c] = await db.query(
        `INSERT INTO cases (number, region, fraud_type, status, priority, sla_due_at)
         VALUES ('CY-2020-000001', 'almaty_city', 'online_purchase', 'investigating', 'P1',
                 now() + interval '1 hour')
         RETURNING id`,
      );
      await db.query('UPDATE reports SET case_id = $2 WHERE id = $1', [r.id, c.id]);
      const [staff] = await db.query('SELECT id FROM users ORDER BY created_at LIMIT 1');
      await db.query(
        `INSERT INTO freezes (case_id, report_id, bank, account_masked, amount_tiyn, frozen_at,
                              stage, expires_at, created_by)
         VALUES ($1, $2, 'Kaspi', '****1234', 3000000, now(), 'domestic', now() + interval '9 days', $3),
                ($1, $2, 'Halyk', '****5678', 2000000, now(), 'domestic', now() + interval '9 days', $3)`,
        [c.id, r.id, staff.id],
      );
      const paid: Array<{ id: string; amount_tiyn: string }> = await db.query(
        `INSERT INTO reimbursements (case_id, report_id, amount_tiyn, source, paid_at, created_by)
         VALUES ($1, $2, 1234567, 'bank_compensation', now(), $3),
                ($1, $2, 100000, 'offender_voluntary', now(), $3)
         RETURNING id, amount_tiyn::text`,
        [c.id, r.id, staff.id],
      );
      await db.query(
        `INSERT INTO reimbursement_reversals (reimbursement_id, reason, reversed_by)
         VALUES ($1, 'paid twice', $2)`,
        [paid.find((p) => p.amount_tiyn === '100000')!.id, staff.id],
      );
      await db.query(
        `INSERT INTO case_events (case_id, at, actor_kind, type, public, data) VALUES
          ($1, now() + interval '1 second', 'system', 'case.created', true, '{}'),
          ($1, now() + interval '2 second', 'system', 'note.added', false, '{"text":"suspect is a cousin"}'),
          ($1, now() + interval '3 second', 'system', 'case.transitioned', true, '{"to":"investigating"}')`,
        [c.id],
      );
      const res = await statusOf(r, r.accessCode).expect(200);
      expect(res.body).toMatchObject({
        status: 'investigating',
        loss: '150000.00',
        frozen: '50000.00',
        reimbursed: '12345.67',
      });
      // Triage would have written report.linked; without it the link counts from triaged_at.
      expect(res.body.timeline.map((e: { code: string }) => e.code)).toEqual([
        'report.received',
        'report.linked_to_case',
        'funds.frozen',
        'funds.frozen',
        'funds.reimbursed',
        'funds.reimbursed',
        'funds.reimbursement_reversed',
        'case.investigating',
      ]);
      expect(JSON.stringify(res.body)).not.toContain('cousin');
      expect(res.body.timeline[7].message).toBe('По делу начато расследование.');
    });
  });

  describe('POST /reports/{reference}/evidence', () => {
    const upload = (r: SubmittedReport, code: string) =>
      citizen.upload(`/reports/${r.reference}/evidence`).set('X-Access-Code', code);

    it('stores an image under a random name with its SHA-256', async () => {
      const r = await submitReport(d);
      const res = await upload(r, r.accessCode)
        .attach('file', PNG, { filename: '../../etc/passwd.png', contentType: 'image/png' })
        .expect(201);
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(res.body).toEqual({
        id: expect.any(String),
        sha256,
        size: PNG.length,
        mimeType: 'image/png',
        fileName: 'passwd.png', // the multipart parser keeps the last path segment only
      });
      const [row] = await db.query('SELECT * FROM evidence WHERE id = $1', [res.body.id]);
      expect(row).toMatchObject({
        report_id: r.id,
        sha256,
        size_bytes: PNG.length,
        mime_type: 'image/png',
      });
      expect(row.storage_path).toBe(res.body.id);
      const stored = join(d.config.evidenceDir, row.storage_path);
      expect(readFileSync(stored).equals(PNG)).toBe(true);
    });

    it('judges the type by the bytes, not by the declared type', async () => {
      const r = await submitReport(d);
      const pdf = await upload(r, r.accessCode)
        .attach('file', PDF, { filename: 'statement.jpg', contentType: 'image/jpeg' })
        .expect(201);
      expect(pdf.body.mimeType).toBe('application/pdf');
      const fake = await upload(r, r.accessCode)
        .attach('file', Buffer.from('MZ\x90\x00 not an image'), {
          filename: 'photo.png',
          contentType: 'image/png',
        })
        .expect(415);
      expect(fake.body).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
    });

    it('refuses files over 10 MB with 413', async () => {
      const r = await submitReport(d);
      const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
      const res = await upload(r, r.accessCode).attach('file', big, 'big.png');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 413 });
    });

    it('answers 400 without a file', async () => {
      const r = await submitReport(d);
      await upload(r, r.accessCode).field('note', 'x').expect(400);
      await upload(r, r.accessCode).send({ file: 'x' }).expect(400);
    });

    it('stores nothing for a wrong code (404)', async () => {
      const r = await submitReport(d);
      const before = existsSync(d.config.evidenceDir)
        ? readdirSync(d.config.evidenceDir).length
        : 0;
      await upload(r, wrongCode(r.accessCode)).attach('file', PNG, 'a.png').expect(404);
      const after = existsSync(d.config.evidenceDir) ? readdirSync(d.config.evidenceDir).length : 0;
      expect(after).toBe(before);
      const rows = await db.query('SELECT id FROM evidence WHERE report_id = $1', [r.id]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('POST /reports/{reference}/statements', () => {
    const statement = (r: SubmittedReport, code: string, body: unknown) =>
      citizen.post(`/reports/${r.reference}/statements`, body).set('X-Access-Code', code);

    it('adds text without re-triage', async () => {
      const r = await submitReport(d);
      const res = await statement(r, r.accessCode, { text: 'He called again today.' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        createdAt: expect.any(String),
        transactionsAdded: 0,
        suspectsAdded: 0,
        loss: '150000.00',
      });
      const outbox = await db.query('SELECT id FROM outbox WHERE aggregate_id = $1', [r.id]);
      expect(outbox).toHaveLength(1);
    });

    it('adds transactions and suspects, raises the loss and queues re-triage', async () => {
      const r = await submitReport(d);
      const res = await statement(r, r.accessCode, {
        transactions: [
          {
            paidAt: new Date(Date.now() - 600_000).toISOString(),
            amount: '2500.50',
            method: 'mobile_transfer',
            toAccount: '+7 777 000 11 22',
          },
        ],
        suspects: [
          { type: 'phone', value: '+7 (705) 555-12-34' },
          { type: 'crypto_wallet', value: '0x52908400098527886E0F7030069857D2E4169EE7' },
        ],
      }).expect(201);
      expect(res.body).toMatchObject({ transactionsAdded: 1, suspectsAdded: 2, loss: '152500.50' });
      const txs = await db.query(
        'SELECT position, amount_tiyn, to_account_value FROM report_transactions WHERE report_id = $1 ORDER BY position',
        [r.id],
      );
      expect(txs.map((t: { position: number }) => t.position)).toEqual([0, 1]);
      expect(txs[1]).toMatchObject({ amount_tiyn: '250050', to_account_value: '+77770001122' });
      const [report] = await db.query('SELECT loss_tiyn FROM reports WHERE id = $1', [r.id]);
      expect(report.loss_tiyn).toBe('15250050');
      const outbox = await db.query(
        'SELECT topic, payload FROM outbox WHERE aggregate_id = $1 ORDER BY id',
        [r.id],
      );
      expect(outbox).toEqual([
        { topic: 'report.submitted', payload: { reportId: r.id, jobId: `report-${r.id}` } },
        {
          topic: 'report.statement-added',
          payload: {
            reportId: r.id,
            statementId: res.body.id,
            jobId: `report-${r.id}-s${res.body.id}`,
          },
        },
      ]);
    });

    it('validates like the report itself', async () => {
      const r = await submitReport(d);
      const bad = await statement(r, r.accessCode, {
        transactions: [{ paidAt: 'yesterday', amount: '1.234', method: 'card' }],
        suspects: [{ type: 'card', value: '4111 1111 1111 1112' }],
        extra: true,
      }).expect(400);
      const fields = bad.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'extra',
          'transactions[0].paidAt',
          'transactions[0].amount',
          'suspects[0].value',
        ]),
      );
      await statement(r, r.accessCode, {}).expect(400);
      await statement(r, r.accessCode, { text: '   ' }).expect(400);
      await statement(r, r.accessCode, { text: 'x'.repeat(5001) }).expect(400);
      await statement(r, r.accessCode, []).expect(400);
    });

    it('answers a wrong code with 404 before looking at the body', async () => {
      const r = await submitReport(d);
      await statement(r, wrongCode(r.accessCode), { text: 'hi there' }).expect(404);
      await statement(r, wrongCode(r.accessCode), { nonsense: 1 }).expect(404);
    });
  });

  describe('rate limits', () => {
    it(`allows ${REFERENCE_LIMIT} attempts per reference, wrong codes included, then 429`, async () => {
      const r = await submitReport(d);
      for (let i = 0; i < REFERENCE_LIMIT; i += 1) {
        await statusOf(r, wrongCode(r.accessCode)).expect(404);
      }
      const blocked = await statusOf(r, r.accessCode).expect(429);
      expect(blocked.headers['content-type']).toContain('application/problem+json');
      expect(blocked.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
      await citizen
        .upload(`/reports/${r.reference}/evidence`)
        .set('X-Access-Code', r.accessCode)
        .attach('file', PNG, 'a.png')
        .expect(429);
      // Other reports are unaffected.
      const other = await submitReport(d);
      await statusOf(other, other.accessCode).expect(200);
    });
  });
});
