import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LoggerModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule, QueueName, redisConnectionOptions } from '@app/queue';
import { ReportsWorkerModule } from '@app/reports/worker';
import {
  eventually,
  RedisOutage,
  startDeployment,
  submitReport,
  SubmittedReport,
  TEST_REDIS_URL,
  TestDeployment,
} from '@app/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';

const ALL_STATES = [
  'active',
  'completed',
  'delayed',
  'failed',
  'prioritized',
  'wait',
  'waiting-children',
] as const;

/**
 * A worker process with only the relay (the worker app minus the other domains' processors).
 * Used through the outage: BullMQ Workers that lived through one may never finish close()
 * (same family as taskforcesh/bullmq#4656), which would keep the test process alive.
 */
async function createRelayOnlyWorker(config: AppConfig): Promise<INestApplicationContext> {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggerModule,
      DatabaseModule.forRoot('worker'),
      QueueModule,
      ReportsWorkerModule,
    ],
  })
  class RelayOnlyWorker {}
  const app = await NestFactory.createApplicationContext(RelayOnlyWorker, { bufferLogs: true });
  app.enableShutdownHooks();
  return app;
}

interface OutboxRow {
  id: string;
  aggregate_id: string;
  relayed_at: Date | null;
  attempts: number;
  last_error: string | null;
}

describe('reports: transactional outbox relayed to the report-triage queue', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  let d: TestDeployment;
  let db: DataSource;
  let queue: Queue;
  const workers: INestApplicationContext[] = [];
  const reports: SubmittedReport[] = [];

  beforeAll(async () => {
    await outage.up();
    // API and workers reach Redis only through the proxy; the test inspects the real one.
    d = await startDeployment({
      label: 'reports-outbox',
      env: { REDIS_URL: outage.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', OUTBOX_POLL_MS: '100' },
    });
    db = d.api.get(DataSource);
    workers.push(await createRelayOnlyWorker(d.config));
    queue = new Queue(QueueName.ReportTriage, {
      connection: redisConnectionOptions(TEST_REDIS_URL),
      prefix: d.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    if (outage.port === 0) return;
    await outage.up();
    for (const w of workers) await w.close();
    await queue?.close();
    await d?.close();
    await outage.down();
  });

  const outbox = (): Promise<OutboxRow[]> =>
    db.query('SELECT id, aggregate_id, relayed_at, attempts, last_error FROM outbox ORDER BY id');

  async function jobCount(): Promise<number> {
    const counts = await queue.getJobCounts(...ALL_STATES);
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  it('relays a report to the queue', async () => {
    const r = await submitReport(d);
    reports.push(r);
    const job = await eventually(() => queue.getJob(`report-${r.id}`));
    expect(job.name).toBe('triage');
    expect(job.data).toEqual({ reportId: r.id });
    await eventually(async () => (await outbox())[0].relayed_at !== null);
  });

  it('accepts reports without waiting while Redis is down; their rows wait', async () => {
    await outage.down();
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      reports.push(await submitReport(d));
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    // The relay tries the oldest row, records the failure and backs off; nothing is lost.
    const [oldest] = await eventually(async () => {
      const rows = (await outbox()).slice(1);
      return rows[0].attempts >= 2 ? rows : null;
    }, 30_000);
    expect(oldest.last_error).toMatch(/Redis/);
    const waiting = (await outbox()).slice(1);
    expect(waiting.map((row) => row.aggregate_id)).toEqual(reports.slice(1).map((r) => r.id));
    for (const row of waiting) expect(row.relayed_at).toBeNull();
    expect(await jobCount()).toBe(1);
  });

  it('relays every row exactly once when Redis is back, with two relays side by side', async () => {
    await outage.up();
    // The real worker app joins: two relays claim rows side by side.
    workers.push(await createWorkerApp(d.config));
    for (let i = 0; i < 20; i += 1) reports.push(await submitReport(d));
    await eventually(async () => (await outbox()).every((row) => row.relayed_at !== null), 60_000);
    const rows = await outbox();
    expect(rows).toHaveLength(24);
    expect(await jobCount()).toBe(24);
    for (const r of reports) {
      const job = await queue.getJob(`report-${r.id}`);
      expect(job?.name).toBe('triage');
      expect(job?.data).toEqual({ reportId: r.id });
    }
  });

  it('cannot enqueue a row twice: relaying it again finds the same job', async () => {
    await db.query('UPDATE outbox SET relayed_at = NULL');
    await eventually(async () => (await outbox()).every((row) => row.relayed_at !== null), 30_000);
    expect(await jobCount()).toBe(24);
  });

  it('re-triages a report after a statement with new suspects', async () => {
    const r = reports[0];
    const res = await d
      .http()
      .post(`/api/v1/reports/${r.reference}/statements`)
      .set('X-Access-Code', r.accessCode)
      .send({ suspects: [{ type: 'url', value: 'another-fake-shop.kz' }] })
      .expect(201);
    const job = await eventually(() => queue.getJob(`report-${r.id}-s${res.body.id}`));
    expect(job.name).toBe('triage');
    // The whole contract payload: statementId once went missing here.
    expect(job.data).toEqual({ reportId: r.id, statementId: res.body.id });
    expect(await jobCount()).toBe(25);
  });
});
