import {
  adminToken,
  startDeployment,
  submitReport,
  TestDeployment,
  validReportBody,
} from '@app/testing';

describe('foundation: the real API on real Postgres and Redis', () => {
  let d: TestDeployment;

  beforeAll(async () => {
    d = await startDeployment({ label: 'foundation', worker: true });
  });
  afterAll(async () => d?.close());

  it('answers liveness and readiness (Postgres and Redis up)', async () => {
    await d.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await d.http().get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
    await d.http().get('/api/v1/health/ready').expect(200);
  });

  it('serves Prometheus metrics', async () => {
    const res = await d.http().get('/metrics').expect(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await d.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/v1/health/ready');
    const ui = await d.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with problem details', async () => {
    const res = await d.http().get('/api/v1/nope').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      type: '/problems/not-found',
    });
  });

  it('answers malformed JSON with a 400 problem, never a stack trace', async () => {
    const res = await d
      .http()
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe('Request body is not valid JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers text with a lone surrogate escape with 400, never a 500 or altered data', async () => {
    const res = await d
      .http()
      .post('/api/v1/reports')
      .set('Content-Type', 'application/json')
      .send('{"reporter":{"email":"\\ud800"}}')
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/not valid Unicode/);
  });

  it('answers an oversized body with 413', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(1_100_000) });
    const res = await d
      .http()
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(big);
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/payload-too-large');
  });

  it('marks every API answer no-store: tokens, access codes, personal data, even a 404', async () => {
    const login = await d
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'admin@police.test', password: 'admin-password-123' });
    expect(login.status).toBe(200);
    const filed = await d.http().post('/api/v1/reports').send(validReportBody());
    const report = await submitReport(d);
    const status = await d
      .http()
      .get(`/api/v1/reports/${report.reference}/status`)
      .set('X-Access-Code', report.accessCode);
    const staffView = await d
      .http()
      .get(`/api/v1/reports/${report.reference}`)
      .set('Authorization', `Bearer ${await adminToken(d)}`);
    const missing = await d.http().get('/api/v1/reports/FR-2026-999999/status');
    const answers = { login, filed, status, staffView, missing };
    for (const [name, res] of Object.entries(answers)) {
      expect([name, res.headers['cache-control']]).toEqual([name, 'no-store']);
    }
    expect([filed.status, status.status, staffView.status, missing.status]).toEqual([
      202, 200, 200, 404,
    ]);
  });

  it('sets security headers', async () => {
    const res = await d.http().get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
