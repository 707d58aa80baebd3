import { DataSource } from 'typeorm';
import {
  LOOKUP_BUCKETS,
  METRIC,
  NOTICE_CHANNELS,
  NOTICE_OUTCOMES,
  PRIORITIES,
  SUSPECT_TYPES,
} from '@app/common';
import { SlaService } from '@app/cases/worker';
import { QueueName } from '@app/queue';
import {
  createStaff,
  eventually,
  newCase,
  promtoolCheckMetrics,
  sampleLabels,
  sampleValue,
  startDeployment,
  submitReport,
  TestDeployment,
} from '@app/testing';
import request from 'supertest';
import { WorkerOpsServer } from '../apps/worker/src/ops/worker-ops-server';

/**
 * docs/contract.md "Metrics": the API's `/metrics` and the worker's own listener carry the fraud_*
 * metrics, and they move when a report is filed and triaged.
 */
describe('metrics: API and worker expose what an operator alerts on', () => {
  let d: TestDeployment;
  let worker: () => request.Agent;

  beforeAll(async () => {
    d = await startDeployment({ label: 'metrics', worker: true });
    const port = d.worker!.get(WorkerOpsServer).port;
    worker = () => request.agent(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => d?.close());

  const apiScrape = async () => (await d.http().get('/metrics').expect(200)).text;
  const workerScrape = async () => (await worker().get('/metrics').expect(200)).text;
  const linked = async (id: string) => {
    const rows: Array<{ case_id: string | null }> = await d.api
      .get(DataSource)
      .query('SELECT case_id FROM reports WHERE id = $1', [id]);
    return rows[0]?.case_id ?? null;
  };

  it('counts a filed report, observes its triage lag and drains the outbox backlog', async () => {
    const apiBefore = await apiScrape();
    const workerBefore = await workerScrape();
    const received = sampleValue(apiBefore, METRIC.reportsReceived) ?? NaN;
    const lagCount = sampleValue(workerBefore, `${METRIC.triageLag}_count`) ?? NaN;
    expect(received).toBe(0);
    expect(lagCount).toBe(0);

    const report = await submitReport(d);
    await eventually(() => linked(report.id));

    const api = await apiScrape();
    expect(sampleValue(api, METRIC.reportsReceived)).toBe(received + 1);
    const httpCount = `${METRIC.httpRequestDuration}_count`;
    expect(
      sampleValue(api, httpCount, { method: 'POST', route: '/api/v1/reports', status: '202' }),
    ).toBe(1);

    const scraped = await eventually(async () => {
      const text = await workerScrape();
      return sampleValue(text, METRIC.outboxBacklog) === 0 ? text : null;
    });
    expect(sampleValue(scraped, `${METRIC.triageLag}_count`)).toBe(lagCount + 1);
    expect(sampleValue(scraped, `${METRIC.triageLag}_sum`)).toBeGreaterThan(0);
    // The API reads the same backlog from PostgreSQL.
    expect(sampleValue(await apiScrape(), METRIC.outboxBacklog)).toBe(0);
  });

  it('reports queue jobs by queue and state, from Redis, in both processes', async () => {
    for (const text of [await apiScrape(), await workerScrape()]) {
      const queues = new Set(sampleLabels(text, METRIC.queueJobs).map((l) => l.queue));
      expect([...queues].sort()).toEqual(Object.values(QueueName).sort());
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(
          sampleValue(text, METRIC.queueJobs, { queue: QueueName.ReportTriage, state }),
        ).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('registers every fraud_* metric, the ones without events yet at zero', async () => {
    for (const text of [await apiScrape(), await workerScrape()]) {
      for (const name of Object.values(METRIC)) expect(text).toContain(`# TYPE ${name} `);
      expect(text).toContain('process_cpu_user_seconds_total');
      for (const type of SUSPECT_TYPES) {
        for (const reports of LOOKUP_BUCKETS) {
          expect(sampleValue(text, METRIC.lookups, { type, reports })).toBe(0);
        }
      }
      for (const priority of PRIORITIES) {
        expect(sampleValue(text, METRIC.slaBreaches, { priority })).toBe(0);
      }
      for (const channel of NOTICE_CHANNELS) {
        for (const outcome of NOTICE_OUTCOMES) {
          expect(sampleValue(text, METRIC.noticesSent, { channel, outcome })).toBe(0);
        }
      }
    }
  });

  it('labels requests with the route pattern, never the reference in the URL', async () => {
    const report = await submitReport(d);
    await d.http().get(`/api/v1/reports/${report.reference}/status`).expect(404);
    await d.http().get('/api/v1/no-such-route/+77011234567').expect(404);
    await d.http().get('/').expect(200);
    const text = await apiScrape();
    const routes = sampleLabels(text, `${METRIC.httpRequestDuration}_count`).map((l) => l.route);
    expect(routes).toContain('/api/v1/reports/:reference/status');
    // Nest answers unknown paths from its catch-all route; static files match no route at all.
    expect(routes).toContain('/api/v1/{*path}');
    expect(routes).toContain('unmatched');
    expect(text).not.toContain(report.reference);
    expect(text).not.toContain('77011234567');
  });

  it('passes promtool check metrics (when promtool is installed)', async () => {
    for (const text of [await apiScrape(), await workerScrape()]) {
      const verdict = promtoolCheckMetrics(text);
      if (verdict === 'skipped') {
        console.warn('promtool not installed: `apt-get install prometheus` to run this check');
        return;
      }
      expect(verdict).toEqual([]);
    }
  });

  it('the worker listener answers liveness, readiness and problem details', async () => {
    await worker().get('/health/live').expect(200, { status: 'ok' });
    const ready = await worker().get('/health/ready').expect(200);
    expect(ready.body.info).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    const missing = await worker().get('/reports').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    await worker().post('/metrics').expect(405);
  });

  it('counts SLA breaches where they are recorded: at a late claim (API) and by the timer (worker)', async () => {
    const investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    const claimed = await newCase(d);
    const timed = await newCase(d);
    await d.api
      .get(DataSource)
      .query(`UPDATE cases SET sla_due_at = now() - interval '1 minute' WHERE id = ANY($1)`, [
        [claimed, timed],
      ]);
    await investigator.api.post(`/cases/${claimed}/claim`).expect(200);
    expect((await d.worker!.get(SlaService).check(timed)).kind).toMatch(/breached|settled/);

    // The minutely sweep may record either breach first; each is counted once, somewhere.
    const breaches = async () =>
      (sampleValue(await apiScrape(), METRIC.slaBreaches, { priority: 'P4' }) ?? 0) +
      (sampleValue(await workerScrape(), METRIC.slaBreaches, { priority: 'P4' }) ?? 0);
    await eventually(async () => (await breaches()) === 2);
    expect(await breaches()).toBe(2);
  });
});
