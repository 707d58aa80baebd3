import { DataSource } from 'typeorm';
import { TriageSweepService } from '@app/cases/worker';
import {
  StaffClient,
  staffClient,
  startDeployment,
  TestDeployment,
  validReportBody,
} from '@app/testing';

const REPORTS = '/reports';

/**
 * `Idempotency-Key` on `POST /reports` (docs/intake.md): a retry within the replay window gets
 * the first answer back, access code included; other data under the key is a 422; after the
 * window a 409; the encrypted code is wiped.
 */
describe('reports: POST /api/v1/reports with an Idempotency-Key', () => {
  let d: TestDeployment;
  let db: DataSource;
  /** An anonymous caller: the citizen. */
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-idempotency',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
    db = d.api.get(DataSource);
    citizen = staffClient(d);
  });
  afterAll(async () => d?.close());

  describe('Idempotency-Key', () => {
    const countWithKey = async (key: string): Promise<number> => {
      const [{ count }] = await db.query(
        'SELECT count(*)::int AS count FROM reports WHERE idempotency_key = $1',
        [key],
      );
      return count as number;
    };

    it('replays the first answer, access code included, without a second report', async () => {
      const key = `idem-${Date.now()}-a`;
      const body = validReportBody();
      const first = await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      const again = await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      expect(first.body.accessCode).toMatch(/^[2-9A-Z]{12}$/);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await countWithKey(key)).toBe(1);
      // The code works: the citizen whose first 202 was lost can use the replayed one.
      await citizen
        .get(`${REPORTS}/${again.body.reference}/status`)
        .set('X-Access-Code', again.body.accessCode)
        .expect(200);
    });

    it('keeps the replay code only encrypted, never in the clear', async () => {
      const key = `idem-${Date.now()}-enc`;
      const first = await citizen
        .post(REPORTS, validReportBody())
        .set('Idempotency-Key', key)
        .expect(202);
      const [row] = await db.query(
        `SELECT replay_access_code_enc, idempotency_body_hash, access_code_hash
           FROM reports WHERE idempotency_key = $1`,
        [key],
      );
      expect(row.replay_access_code_enc).toMatch(/^v1\./);
      expect(row.replay_access_code_enc).not.toContain(first.body.accessCode);
      expect(row.idempotency_body_hash).toMatch(/^[0-9a-f]{64}$/);
      const plain = await citizen.post(REPORTS, validReportBody()).expect(202);
      const [none] = await db.query(
        `SELECT replay_access_code_enc, idempotency_body_hash FROM reports WHERE reference = $1`,
        [plain.body.reference],
      );
      expect(none).toEqual({ replay_access_code_enc: null, idempotency_body_hash: null });
    });

    it('replays the status of the first answer after the report moved on', async () => {
      const key = `idem-${Date.now()}-moved`;
      const body = validReportBody();
      const first = await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      // Triage linked it to a case under review (status is derived from the case).
      await db.query(
        `WITH c AS (
           INSERT INTO cases (number, region, fraud_type, priority, status, sla_due_at)
           VALUES ('CY-2099-' || lpad((floor(random() * 1e9))::bigint::text, 9, '0'),
                   'almaty_city', 'online_purchase', 'P3', 'in_review', now())
           RETURNING id)
         UPDATE reports SET case_id = (SELECT id FROM c) WHERE idempotency_key = $1`,
        [key],
      );
      const again = await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      expect(again.body).toEqual({ ...first.body, status: 'received' });
    });

    it('matches bodies by content, not by key order', async () => {
      const key = `idem-${Date.now()}-order`;
      const body = validReportBody();
      const reversed = Object.fromEntries(Object.entries(body).reverse());
      reversed.reporter = Object.fromEntries(
        Object.entries(body.reporter as Record<string, unknown>).reverse(),
      );
      const first = await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      const again = await citizen.post(REPORTS, reversed).set('Idempotency-Key', key).expect(202);
      expect(again.body).toEqual(first.body);
    });

    it('answers the same key with a different body with 422 and files nothing', async () => {
      const key = `idem-${Date.now()}-reused`;
      const body = validReportBody();
      await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      const other = validReportBody({
        incident: { description: 'A different story about a different marketplace seller.' },
      });
      const res = await citizen.post(REPORTS, other).set('Idempotency-Key', key);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        type: '/problems/idempotency-key-reused',
        status: 422,
        detail: expect.stringMatching(/different data/),
      });
      expect(res.body).not.toHaveProperty('accessCode');
      expect(res.headers['idempotent-replayed']).toBeUndefined();
      expect(await countWithKey(key)).toBe(1);
    });

    it('answers 409 after the replay window and wipes the encrypted code at once', async () => {
      const key = `idem-${Date.now()}-expired`;
      const body = validReportBody();
      await citizen.post(REPORTS, body).set('Idempotency-Key', key).expect(202);
      await db.query(
        `UPDATE reports SET submitted_at = now() - interval '24 hours 1 minute'
          WHERE idempotency_key = $1`,
        [key],
      );
      const res = await citizen.post(REPORTS, body).set('Idempotency-Key', key);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        type: '/problems/idempotency-key-expired',
        status: 409,
        replayWindowHours: 24,
        detail: expect.stringMatching(/more than 24 hours ago.*new Idempotency-Key/s),
      });
      const [row] = await db.query(
        `SELECT replay_access_code_enc, idempotency_body_hash FROM reports
          WHERE idempotency_key = $1`,
        [key],
      );
      expect(row).toEqual({ replay_access_code_enc: null, idempotency_body_hash: null });
      expect(await countWithKey(key)).toBe(1);
      // Whatever the body: past the window the key is spent.
      await citizen.post(REPORTS, validReportBody()).set('Idempotency-Key', key).expect(409);
    });

    it('wipes every code past the window in one sweep, and only those', async () => {
      const [old, young] = [`idem-${Date.now()}-old`, `idem-${Date.now()}-young`];
      await citizen.post(REPORTS, validReportBody()).set('Idempotency-Key', old).expect(202);
      await citizen.post(REPORTS, validReportBody()).set('Idempotency-Key', young).expect(202);
      await db.query(
        `UPDATE reports SET submitted_at = now() - interval '25 hours' WHERE idempotency_key = $1`,
        [old],
      );
      // The minutely triage sweep of the worker does the wiping (here, or its scheduled run if
      // that came first: nothing else wipes a row that was not replayed).
      const sweeper = d.worker!.get(TriageSweepService);
      await sweeper.sweep();
      const rows = await db.query(
        `SELECT idempotency_key, replay_access_code_enc IS NULL AS wiped FROM reports
          WHERE idempotency_key IN ($1, $2) ORDER BY idempotency_key`,
        [old, young],
      );
      expect(rows).toEqual([
        { idempotency_key: old, wiped: true },
        { idempotency_key: young, wiped: false },
      ]);
      expect((await sweeper.sweep()).replayCodesWiped).toBe(0);
    });

    it('gives 10 concurrent identical requests one report and all of them its code', async () => {
      const key = `idem-${Date.now()}-concurrent`;
      const body = validReportBody();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => citizen.post(REPORTS, body).set('Idempotency-Key', key)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
      expect(new Set(responses.map((r) => r.body.reference)).size).toBe(1);
      expect(new Set(responses.map((r) => r.body.accessCode)).size).toBe(1);
      expect(responses[0].body.accessCode).toMatch(/^[2-9A-Z]{12}$/);
      expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
      const rows = await db.query('SELECT id FROM reports WHERE idempotency_key = $1', [key]);
      expect(rows).toHaveLength(1);
      const outbox = await db.query('SELECT id FROM outbox WHERE aggregate_id = $1', [rows[0].id]);
      expect(outbox).toHaveLength(1);
    });

    it('gives concurrent requests with one key and different bodies one report, the rest 422', async () => {
      const key = `idem-${Date.now()}-race`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          citizen
            .post(
              REPORTS,
              validReportBody({ incident: { description: `Seller number ${i} took the money.` } }),
            )
            .set('Idempotency-Key', key),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([202, 422, 422, 422, 422, 422]);
      expect(await countWithKey(key)).toBe(1);
    });

    it('rejects an unusable key with 400', async () => {
      for (const key of ['has space', 'x'.repeat(201)]) {
        const res = await citizen.post(REPORTS, validReportBody()).set('Idempotency-Key', key);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          { field: 'Idempotency-Key', message: expect.any(String) },
        ]);
      }
    });

    it('does not tie a rejected request to its key', async () => {
      const key = `idem-${Date.now()}-retry`;
      await citizen
        .post(REPORTS, validReportBody({ consent: false }))
        .set('Idempotency-Key', key)
        .expect(400);
      const ok = await citizen
        .post(REPORTS, validReportBody())
        .set('Idempotency-Key', key)
        .expect(202);
      expect(ok.body.accessCode).not.toBeNull();
    });
  });
});
