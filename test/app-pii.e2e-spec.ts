import { DataSource } from 'typeorm';
import { generateValidIin } from '@app/common';
import {
  dumpRedis,
  cardNumber,
  createStaff,
  eventually,
  findInDatabase,
  startDeployment,
  TestDeployment,
  validReportBody,
} from '@app/testing';

const IIN = generateValidIin(new Date(Date.UTC(1979, 2, 14)), 3, 4821);
const PHONE_DIGITS = '7015554321';
const EMAIL = 'pii.victim.q7x@example.kz';
const CARD = cardNumber('440043017654321');
const CARD_SPACED = CARD.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * Files a report with known personal data through the real API and worker, with debug logging
 * captured, then looks for that data in the clear in the log, in every text/json column of
 * every table and in every Redis key of the deployment. Expects to find none.
 */
describe('pii: personal data never in the clear (logs, database, Redis)', () => {
  let d: TestDeployment;
  const logLines: string[] = [];
  const needles: Record<string, string> = {
    iin: IIN,
    phone: PHONE_DIGITS,
    email: EMAIL,
    card: CARD,
    'card (spaced)': CARD_SPACED,
  };

  beforeAll(async () => {
    d = await startDeployment({
      label: 'app-pii',
      worker: true,
      env: { LOG_LEVEL: 'debug' },
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
  });
  afterAll(async () => d?.close());

  it('files a report, reads it back and leaves no personal data behind', async () => {
    const body = validReportBody({
      reporter: {
        iin: IIN,
        phone: `+7 (${PHONE_DIGITS.slice(0, 3)}) ${PHONE_DIGITS.slice(3, 6)}-${PHONE_DIGITS.slice(6, 8)}-${PHONE_DIGITS.slice(8)}`,
        email: EMAIL,
      },
      transactions: [
        {
          paidAt: new Date(Date.now() - 3600_000).toISOString(),
          amount: '25000.00',
          method: 'card',
          fromBank: 'Kaspi Bank',
          toBank: 'Jusan Bank',
          toAccount: CARD_SPACED,
        },
      ],
      suspects: [
        { type: 'card', value: CARD },
        { type: 'phone', value: '+7 705 111 22 33' },
      ],
    });
    const submitted = await d.http().post('/api/v1/reports').send(body).expect(202);
    const { reference, accessCode } = submitted.body as { reference: string; accessCode: string };
    needles['access code'] = accessCode;

    // A validation failure echoes nothing back into the log either.
    await d
      .http()
      .post('/api/v1/reports')
      .send({ ...body, reporter: { ...(body.reporter as object), iin: `${IIN.slice(0, 11)}0` } });

    await d
      .http()
      .get(`/api/v1/reports/${reference}/status`)
      .set('X-Access-Code', accessCode)
      .expect(200);

    // Staff credentials and tokens are secrets too.
    const staff = await createStaff(d, { role: 'supervisor' });
    needles.password = staff.password;
    needles['access token'] = staff.token;
    await d.http().get('/api/v1/me').set('Authorization', `Bearer ${staff.token}`).expect(200);
    // Staff look-ups carry personal data in the query string; the request log must not.
    for (const value of [CARD_SPACED, `+7${PHONE_DIGITS}`, IIN]) {
      await d
        .http()
        .get('/api/v1/identifiers')
        .query({ value })
        .set('Authorization', `Bearer ${staff.token}`);
    }

    // Let the worker triage the report (identifiers, card hashes, case) before scanning.
    const db = d.api.get(DataSource);
    await eventually(async () => {
      const rows = (await db.query(`SELECT triaged_at FROM reports WHERE reference = $1`, [
        reference,
      ])) as Array<{ triaged_at: Date | null }>;
      return rows[0]?.triaged_at ?? null;
    }, 30_000);

    // Encrypted, not dropped: the stored tokens decrypt back to the submitted values.
    const [stored] = (await db.query(
      `SELECT reporter_iin_enc, reporter_phone_enc, reporter_email_enc, access_code_hash
         FROM reports WHERE reference = $1`,
      [reference],
    )) as Array<Record<string, string>>;
    expect(stored.reporter_iin_enc).toMatch(/^v1\./);
    expect(stored.reporter_phone_enc).toMatch(/^v1\./);
    expect(stored.reporter_email_enc).toMatch(/^v1\./);
    expect(stored.access_code_hash).toMatch(/^[0-9a-f]{64}$/);

    // 1. The structured log (sanity: it did capture request logs at debug level).
    const log = logLines.join('');
    expect(log).toContain('/api/v1/reports');
    const inLog = Object.entries(needles)
      .filter(([, value]) => log.includes(value))
      .map(([name]) => name);
    expect(inLog).toEqual([]);

    // 2. Every text, varchar and json column of every table.
    const inDb = await findInDatabase(db, needles);
    expect(inDb).toEqual([]);

    // 3. Every Redis key of this deployment (queues, job payloads, rate-limit counters).
    const text = await dumpRedis(d.env);
    const inRedis = Object.entries(needles)
      .filter(([, value]) => text.includes(value))
      .map(([name]) => name);
    expect(inRedis).toEqual([]);
  });
});
