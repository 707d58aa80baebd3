/**
 * Fault suite, processes: the API and the worker are killed (SIGKILL) or stopped (SIGTERM)
 * while they work, and restarted. Afterwards every acknowledged report is in exactly one case,
 * one report per Idempotency-Key, and the ledger and the totals agree (docs/RELIABILITY.md).
 */
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { uniqueSuspectPhone } from './support/cases';
import {
  brokenPromises,
  casesPerRing,
  e164,
  fileReport,
  fileRings,
  HttpAnswer,
  inParallel,
  query,
  ringBody,
  supervisorToken,
  waitUntilTriaged,
} from './support/fault-checks';
import { FaultRig, sleep } from './support/fault-rig';
import { eventually } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const rings = (n: number): string[] => Array.from({ length: n }, () => uniqueSuspectPhone());

async function reportsInCases(dbUrl: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    dbUrl,
    'SELECT count(*)::int AS n FROM reports WHERE case_id IS NOT NULL',
  );
  return row.n;
}

/**
 * POST /reports on a connection of its own (no keep-alive: a reused idle socket that the
 * server closes is a client-side race, not a lost answer). Resolves with the status and the
 * parsed body, or with the socket error code.
 */
function postOnFreshConnection(
  port: number,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> } | { error: string }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/reports',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ error: err.code ?? err.message }),
        );
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ error: `incomplete body (${res.statusCode}): ${text.slice(0, 100)}` });
          }
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(payload);
  });
}

describe('fault: processes', () => {
  let rig: FaultRig | undefined;
  afterEach(async () => {
    await rig?.cleanup();
    rig = undefined;
  });

  it('worker SIGKILL mid-batch: a new worker finishes; no report in two cases, none missing', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultworkerkill'));
    const { db } = rig;
    const api = await rig.api();
    const ringPhones = rings(20);
    // Filed while no worker runs: hundreds of reports wait in the outbox.
    const refs = await fileRings(api.baseUrl, ringPhones, 200);

    const first = await rig.worker();
    await eventually(async () => (await reportsInCases(db.url)) >= 20, 60_000, 20);
    await first.kill('SIGKILL');
    const done = await reportsInCases(db.url);
    // Mid-batch: some reports triaged, many not.
    expect(done).toBeLessThan(refs.length);

    await rig.worker();
    // A job the killed worker held is stalled until its lock expires (BullMQ, 30 s).
    await waitUntilTriaged(db.url, refs, 120_000, () => rig!.logs());
    expect(await casesPerRing(db.url, ringPhones)).toEqual(ringPhones.map(() => 1));
    const token = await supervisorToken(api.baseUrl, rig.env);
    expect(await brokenPromises(db.url, api.baseUrl, token, refs)).toEqual([]);
  });

  it('API SIGKILL mid-request: clients retrying under Idempotency-Key get one report per key and the same reference', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultapikill'));
    const { db } = rig;
    let api = await rig.api();
    await rig.worker();
    const clients = Array.from({ length: 60 }, () => ({
      key: randomUUID(),
      body: ringBody(uniqueSuspectPhone()),
      retries: 0,
    }));

    /** One client: retries against whichever API runs until it gets an answer. */
    const send = async (c: (typeof clients)[number]): Promise<HttpAnswer> => {
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          return await fileReport(api.baseUrl, c.body, c.key);
        } catch {
          c.retries += 1;
          await sleep(100);
        }
      }
      throw new Error(`client ${c.key} got no answer`);
    };
    const answers = Promise.all(clients.map(send));
    await eventually(
      async () => {
        const [row] = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM reports');
        return row.n >= 3;
      },
      30_000,
      10,
    );
    await api.kill('SIGKILL');
    api = await rig.api();
    const first = await answers;

    // The kill landed mid-flight: some clients had to retry.
    expect(clients.some((c) => c.retries > 0)).toBe(true);
    for (const a of first) expect(a.status).toBe(202);
    const rows = await query<{ key: string; reference: string; n: number }>(
      db.url,
      `SELECT idempotency_key AS key, min(reference) AS reference, count(*)::int AS n
         FROM reports GROUP BY idempotency_key`,
    );
    expect(rows).toHaveLength(clients.length);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    clients.forEach((c, i) => {
      expect(byKey.get(c.key)?.n).toBe(1);
      expect(first[i].body.reference).toBe(byKey.get(c.key)?.reference);
    });
    // Asking again (a client that never saw its answer would): the same reference, replayed.
    const again = await inParallel(clients, 8, (c) => fileReport(api.baseUrl, c.body, c.key));
    again.forEach((a, i) => {
      expect(a.status).toBe(202);
      expect(a.headers.get('idempotent-replayed')).toBe('true');
      expect(a.body.reference).toBe(first[i].body.reference);
    });

    const refs = first.map((a) => a.body.reference as string);
    await waitUntilTriaged(db.url, refs, 60_000, () => rig!.logs());
    const token = await supervisorToken(api.baseUrl, rig.env);
    expect(await brokenPromises(db.url, api.baseUrl, token, refs)).toEqual([]);
  });

  it('SIGTERM under load: in-flight requests get complete answers, running jobs finish or go back, nothing is lost', async () => {
    rig = await FaultRig.start(await createTestDatabase('faultsigterm'));
    const { db } = rig;
    const api = await rig.api();
    const ringPhones = rings(20);
    const queued = await fileRings(api.baseUrl, ringPhones, 200);

    // The worker is stopped while it triages the batch.
    const worker = await rig.worker();
    await eventually(async () => (await reportsInCases(db.url)) >= 20, 60_000, 20);
    const workerStopped = Date.now();
    expect(await worker.kill('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    // Before the rig's 20 s grace ran out: the worker closed, it was not killed.
    expect(Date.now() - workerStopped).toBeLessThan(15_000);
    expect(await reportsInCases(db.url)).toBeLessThan(queued.length);

    // The API is stopped with requests in flight, each naming a phone of its own.
    const phones = Array.from({ length: 60 }, () => uniqueSuspectPhone());
    const outcomes = Promise.all(
      phones.map((phone, i) =>
        sleep(i * 5).then(() => postOnFreshConnection(api.port!, ringBody(phone))),
      ),
    );
    await eventually(
      async () => {
        const [row] = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM reports');
        return row.n >= queued.length + 3;
      },
      30_000,
      5,
    );
    const apiStopping = Date.now();
    const apiStopped = api.kill('SIGTERM');
    const results = await outcomes;
    expect(await apiStopped).toEqual({ code: 0, signal: null });
    expect(Date.now() - apiStopping).toBeLessThan(15_000);

    // Each request got its complete answer, or was never taken: refused, or reset before the
    // server read it (then nothing of it was stored and the client may simply retry).
    const answered = results.filter(
      (r): r is { status: number; body: Record<string, unknown> } => 'status' in r,
    );
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) expect(a.status).toBe(202);
    const failed = phones.filter((_, i) => 'error' in results[i]);
    const errors = new Set(results.flatMap((r) => ('error' in r ? [r.error] : [])));
    expect([...errors].filter((e) => e !== 'ECONNREFUSED' && e !== 'ECONNRESET')).toEqual([]);
    const stored = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM report_identifiers
        WHERE type = 'phone' AND value = ANY($1::text[])`,
      [failed.map(e164)],
    );
    expect(stored[0].n).toBe(0);

    // Jobs that were running when the worker stopped are back in the queue: the next worker
    // finishes well before a stalled job's lock (30 s) could have expired.
    const next = await rig.worker();
    const api2 = await rig.api();
    const refs = [...queued, ...answered.map((a) => a.body.reference as string)];
    await waitUntilTriaged(db.url, refs, 25_000, () => rig!.logs());
    expect(next.running).toBe(true);
    expect(await casesPerRing(db.url, ringPhones)).toEqual(ringPhones.map(() => 1));
    const token = await supervisorToken(api2.baseUrl, rig.env);
    expect(await brokenPromises(db.url, api2.baseUrl, token, refs)).toEqual([]);
  });
});
