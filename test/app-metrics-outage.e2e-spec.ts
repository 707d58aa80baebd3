import request from 'supertest';
import { METRIC } from '@app/common';
import { QueueName } from '@app/queue';
import {
  eventually,
  RedisOutage,
  sampleValue,
  startDeployment,
  submitReport,
  TEST_REDIS_URL,
  TestDeployment,
} from '@app/testing';
import { WorkerOpsServer } from '../apps/worker/src/ops/worker-ops-server';

/** A scrape reads Redis with a 1 s budget (SCRAPE_READ_OPTIONS); this leaves room for CI. */
const SCRAPE_LIMIT_MS = 3000;

/**
 * With Redis down a scrape still answers 200, promptly, with what it has: the last queue
 * counts it read and the outbox backlog from PostgreSQL, which grows while the relay waits.
 */
describe('metrics: scrapes while Redis is down', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  let d: TestDeployment;
  let worker: () => request.Agent;

  beforeAll(async () => {
    await outage.up();
    d = await startDeployment({
      label: 'metricsdown',
      worker: true,
      env: { REDIS_URL: outage.url },
    });
    const port = d.worker!.get(WorkerOpsServer).port;
    worker = () => request.agent(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await outage.up();
    await d?.close();
    await outage.down();
  });

  async function timedScrape(agent: request.Agent | ReturnType<TestDeployment['http']>) {
    const started = Date.now();
    const res = await agent.get('/metrics').expect(200);
    expect(Date.now() - started).toBeLessThan(SCRAPE_LIMIT_MS);
    return res.text;
  }
  const triageWaiting = (text: string) =>
    sampleValue(text, METRIC.queueJobs, { queue: QueueName.ReportTriage, state: 'waiting' });

  it('answers 200 from both processes, keeping the last queue counts', async () => {
    // A scrape while Redis is up caches the counts.
    expect(triageWaiting(await timedScrape(d.http()))).toBeGreaterThanOrEqual(0);
    expect(triageWaiting(await timedScrape(worker()))).toBeGreaterThanOrEqual(0);
    await outage.down();
    // Past the cache's 5 s, so these scrapes do try Redis and must give up in time.
    await new Promise((r) => setTimeout(r, 5500));
    for (const agent of [d.http(), worker()]) {
      const text = await timedScrape(agent);
      expect(triageWaiting(text)).toBeGreaterThanOrEqual(0);
      expect(sampleValue(text, METRIC.outboxBacklog)).toBe(0);
    }
    const ready = await worker().get('/health/ready').expect(503);
    expect(ready.headers['retry-after']).toBeDefined();
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.body.info).toEqual({ postgres: { status: 'up' }, redis: { status: 'down' } });
  });

  it('shows the outbox backlog growing while Redis is down and draining once it is back', async () => {
    await submitReport(d);
    await eventually(
      async () => sampleValue(await timedScrape(d.http()), METRIC.outboxBacklog) === 1,
      15_000,
      500,
    );
    await outage.up();
    await eventually(
      async () => sampleValue(await timedScrape(worker()), METRIC.outboxBacklog) === 0,
      30_000,
      500,
    );
    await worker().get('/health/ready').expect(200);
  });
});
