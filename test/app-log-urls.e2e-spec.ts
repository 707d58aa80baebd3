import { randomUUID } from 'node:crypto';
import {
  createStaff,
  startDeployment,
  submitReport,
  TestDeployment,
  TestStaff,
} from '@app/testing';

interface RequestLine {
  msg?: string;
  reference?: string;
  reportId?: string;
  req?: { id?: string; url?: string; otherParams?: number; clientRequestId?: string };
}

/**
 * What people type reaches the request log only as far as the API defines it: a phone pasted
 * into the status page's reference field, a card number in a query name or value, a phone as
 * `X-Request-Id`. The suite sends them and scans every captured log line.
 */
describe('app: request URLs and ids in the log', () => {
  const PHONE = '87011234567';
  const PHONE_SPACED = '8 701 123 45 67';
  const CARD = '4111111111111111';
  const EMAIL = 'ivanova.aigerim@mail.kz';
  const IIN = '850512412347';
  const raw: string[] = [];
  let d: TestDeployment;
  let supervisor: TestStaff;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'log-urls',
      env: { LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => void raw.push(line) },
    });
    supervisor = await createStaff(d, { role: 'supervisor' });
  });
  afterAll(async () => d?.close());

  const requestLines = (): RequestLine[] =>
    raw
      .map((l) => JSON.parse(l) as RequestLine)
      .filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
  const lineOf = (id: string) => requestLines().find((l) => l.req?.id === id);

  it('masks path segments, unknown query names and free-text values', async () => {
    const e = encodeURIComponent;
    await d
      .http()
      .get(`/api/v1/reports/${e(PHONE_SPACED)}/status`)
      .set('X-Access-Code', 'ABCD-EFGH');
    await d.http().get(`/api/v1/reports/${PHONE}/status`).set('X-Access-Code', 'ABCD-EFGH');
    await d.http().get(`/api/v1/${e(EMAIL)}`);
    await supervisor.api.get(`/cases/${CARD}`);
    await supervisor.api.get(`/identifiers?value=${CARD}`);
    await supervisor.api.get(`/cases?${PHONE}=1&${e(EMAIL)}=x&limit=5`);
    await supervisor.api.get(`/stats/summary?region=${IIN}&from=2026-01-01`);
    await d
      .http()
      .post(`/api/v1/reports?${e(PHONE_SPACED)}=${CARD}`)
      .send({});

    const logged = raw.join('\n');
    const needles = [PHONE, '701 123', e(PHONE_SPACED), '701%20123', CARD, EMAIL, e(EMAIL), IIN];
    for (const needle of needles) expect(logged).not.toContain(needle);

    const urls = requestLines().map((l) => l.req?.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/v1/reports/[redacted]/status',
        '/api/v1/[redacted]',
        '/api/v1/cases/[redacted]',
        '/api/v1/identifiers?value=[redacted]',
        '/api/v1/cases?limit=5',
        '/api/v1/stats/summary?region=[redacted]&from=2026-01-01',
        '/api/v1/reports',
      ]),
    );
    const cases = requestLines().find((l) => l.req?.url === '/api/v1/cases?limit=5');
    expect(cases?.req?.otherParams).toBe(2);
  });

  it('keeps well-formed references, UUIDs and enum values', async () => {
    const id = randomUUID();
    await d.http().get('/api/v1/reports/FR-2026-000001/status').set('X-Access-Code', 'ABCD-EFGH');
    await supervisor.api.get(`/cases/${id}`);
    await supervisor.api.get('/stats/breakdown?by=month&region=astana&to=2026-02-01');
    const urls = requestLines().map((l) => l.req?.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/v1/reports/FR-2026-000001/status',
        `/api/v1/cases/${id}`,
        '/api/v1/stats/breakdown?by=month&region=astana&to=2026-02-01',
      ]),
    );
  });

  it('never takes a client X-Request-Id as the id; logs it only when it is a UUID', async () => {
    const phoneId = await d.http().get('/api/v1/reports').set('X-Request-Id', PHONE);
    const ours = phoneId.headers['x-request-id'];
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(raw.join('\n')).not.toContain(PHONE);
    expect(lineOf(ours)?.req?.clientRequestId).toBeUndefined();

    const clientId = randomUUID();
    const traced = await d.http().get('/api/v1/reports').set('X-Request-Id', clientId);
    const tracedId = traced.headers['x-request-id'];
    expect(tracedId).not.toBe(clientId);
    expect(lineOf(tracedId)?.req?.clientRequestId).toBe(clientId);
  });

  it('names a filed report on its request line, the one line intake writes for it', async () => {
    const before = raw.length;
    const filed = await submitReport(d);
    const lines = raw.slice(before).map((l) => JSON.parse(l) as RequestLine);
    const naming = lines.filter((l) => l.reference === filed.reference);
    expect(naming).toHaveLength(1);
    expect(naming[0]).toMatchObject({ msg: 'request completed', reportId: filed.id });
    expect(naming[0].req?.url).toBe('/api/v1/reports');
    // Nothing else of the request's handling logged a line of its own.
    const sameRequest = lines.filter((l) => l.req?.id === naming[0].req?.id);
    expect(sameRequest).toHaveLength(1);
  });
});
