import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect, Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  eventually,
  RedisOutage,
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  SubmittedReport,
  TEST_REDIS_URL,
  TestDeployment,
} from '@app/testing';

const MB = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const FILE_LIMIT = 5;

/** A "PNG" of `bytes` bytes: the signature, then filler. */
function png(bytes: number, fill = 0): Buffer {
  return Buffer.concat([PNG_SIGNATURE, Buffer.alloc(bytes - PNG_SIGNATURE.length, fill)]);
}

/** Stored evidence files of the deployment (the temporary folder excluded). */
function storedFiles(d: TestDeployment): string[] {
  if (!existsSync(d.config.evidenceDir)) return [];
  return readdirSync(d.config.evidenceDir).filter((name) => name !== '.incoming');
}

function incomingFiles(d: TestDeployment): string[] {
  const dir = join(d.config.evidenceDir, '.incoming');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('reports: evidence uploads within memory, disk and quota bounds', () => {
  let d: TestDeployment;
  let db: DataSource;
  let citizen: StaffClient;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'reports-evidence',
      env: {
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
        EVIDENCE_MAX_FILES_PER_REPORT: String(FILE_LIMIT),
        EVIDENCE_REPORT_QUOTA_MB: '10',
        EVIDENCE_IP_QUOTA_MB_PER_HOUR: '40',
      },
    });
    db = d.api.get(DataSource);
    citizen = staffClient(d);
  });
  afterAll(async () => d?.close());

  const upload = (r: SubmittedReport) =>
    citizen.upload(`/reports/${r.reference}/evidence`).set('X-Access-Code', r.accessCode);

  async function rowsOf(r: SubmittedReport): Promise<Array<{ id: string; size_bytes: number }>> {
    return db.query('SELECT id, size_bytes FROM evidence WHERE report_id = $1', [r.id]);
  }

  it('stores exactly the file limit when 24 uploads race for the last two places', async () => {
    const r = await submitReport(d);
    for (let i = 0; i < FILE_LIMIT - 2; i += 1) {
      await upload(r).attach('file', png(64, i), `before-${i}.png`).expect(201);
    }
    const filesBefore = storedFiles(d).length;
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        upload(r).attach('file', png(2048, i + 10), `race-${i}.png`),
      ),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(22);
    const refused = results.find((res) => res.status === 409)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: '/problems/evidence-limit', limit: FILE_LIMIT });

    const rows = await rowsOf(r);
    expect(rows).toHaveLength(FILE_LIMIT);
    // Every row has its file, every new file has its row, and nothing is left half-written.
    const files = storedFiles(d);
    expect(files.length - filesBefore).toBe(2);
    for (const row of rows) expect(files).toContain(row.id);
    expect(incomingFiles(d)).toEqual([]);
  });

  it('streams a file to disk with its SHA-256 and a type judged by the bytes', async () => {
    const r = await submitReport(d);
    const body = png(3 * MB, 7);
    const res = await upload(r)
      .attach('file', body, { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(201);
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(res.body).toMatchObject({ sha256, size: body.length, mimeType: 'image/png' });
    expect(readFileSync(join(d.config.evidenceDir, res.body.id)).equals(body)).toBe(true);
    const fake = await upload(r)
      .attach('file', Buffer.from('<?php system($_GET[1]);'), {
        filename: 'x.png',
        contentType: 'image/png',
      })
      .expect(415);
    expect(fake.body).toMatchObject({ type: '/problems/unsupported-media-type' });
    expect(await rowsOf(r)).toHaveLength(1);
    expect(incomingFiles(d)).toEqual([]);
  });

  it('refuses a file above 10 MB with 413 and keeps nothing of it', async () => {
    const r = await submitReport(d);
    const before = storedFiles(d).length;
    const res = await upload(r).attach('file', png(10 * MB + 1), 'big.png');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
    expect(await rowsOf(r)).toHaveLength(0);
    expect(storedFiles(d)).toHaveLength(before);
    expect(incomingFiles(d)).toEqual([]);
    // Exactly 10 MB is allowed (and fills this report's 10 MB quota).
    await upload(r)
      .attach('file', png(10 * MB), 'exact.png')
      .expect(201);
  });

  it('answers 413 evidence-quota-exceeded past the per-report byte quota', async () => {
    const r = await submitReport(d);
    await upload(r)
      .attach('file', png(6 * MB), 'a.png')
      .expect(201);
    const before = storedFiles(d).length;
    const over = await upload(r).attach('file', png(5 * MB), 'b.png');
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({
      type: '/problems/evidence-quota-exceeded',
      quotaBytes: 10 * MB,
      usedBytes: 6 * MB,
    });
    expect(storedFiles(d)).toHaveLength(before);
    expect(incomingFiles(d)).toEqual([]);
    await upload(r).attach('file', PDF, 'fits.pdf').expect(201);
    expect(await rowsOf(r)).toHaveLength(2);
  });

  it('keeps Cyrillic and Kazakh file names, without separators or control characters', async () => {
    const r = await submitReport(d);
    const names: Array<[string, string]> = [
      ['Скриншот перевода.png', 'Скриншот перевода.png'],
      ['Қазақша.pdf', 'Қазақша.pdf'],
      // busboy keeps only the last path segment; a bidi override would show "төлем" reversed.
      // Control characters are refused by the multipart parser itself (400) and stripped by
      // the sanitiser (evidence-file-name.spec.ts).
      ['../..\\Әке\u202eтөлем.png', 'Әке_төлем.png'],
      ['.hidden.png', 'hidden.png'],
    ];
    for (const [sent, stored] of names) {
      const file = sent.endsWith('.pdf') ? PDF : png(128);
      const res = await upload(r).attach('file', file, sent);
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe(stored);
      const [row] = await db.query('SELECT original_name FROM evidence WHERE id = $1', [
        res.body.id,
      ]);
      expect(row.original_name).toBe(stored);
    }
  });

  it('keeps nothing of an upload whose client hangs up halfway', async () => {
    const r = await submitReport(d);
    const server = d.api.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    const boundary = 'b0undary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    );
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', ok));
    socket.write(
      `POST /api/v1/reports/${r.reference}/evidence HTTP/1.1\r\nHost: localhost\r\n` +
        `X-Access-Code: ${r.accessCode}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${head.length + 4 * MB}\r\n\r\n`,
    );
    socket.write(Buffer.concat([head, png(2 * MB)]));
    await eventually(async () => (incomingFiles(d).length > 0 ? true : null), 5_000);
    socket.destroy();
    await eventually(async () => (incomingFiles(d).length === 0 ? true : null), 10_000);
    expect(await rowsOf(r)).toHaveLength(0);
  });

  // Last: it spends this IP's hourly budget (40 MB; about 19 MB are already stored above).
  it('answers 429 with Retry-After once an IP has stored its hourly bytes', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof upload>> | undefined;
    for (let i = 0; i < 6 && !refused; i += 1) {
      const r = await submitReport(d);
      const res = await upload(r).attach('file', png(9 * MB, i), `budget-${i}.png`);
      statuses.push(res.status);
      if (res.status !== 201) refused = res;
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(refused?.status).toBe(429);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    expect(refused?.body).toMatchObject({ type: '/problems/upload-budget-exceeded' });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(incomingFiles(d)).toEqual([]);
  });
});

describe('reports: evidence uploads while Redis is down', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  let d: TestDeployment;

  beforeAll(async () => {
    await outage.up();
    d = await startDeployment({
      label: 'reports-evidence-down',
      env: { REDIS_URL: outage.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
  });
  afterAll(async () => {
    await outage.up();
    await d?.close();
    await outage.down();
  });

  it('fails closed: 503 with Retry-After and nothing stored, while reports are still filed', async () => {
    const r = await submitReport(d);
    await outage.down();
    const res = await staffClient(d)
      .upload(`/reports/${r.reference}/evidence`)
      .set('X-Access-Code', r.accessCode)
      .attach('file', png(256), 'a.png');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(storedFiles(d)).toEqual([]);
    await submitReport(d);
    await outage.up();
  });
});
