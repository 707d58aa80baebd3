import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName, redisConnectionOptions } from '@app/queue';
import { SLA_SWEEP_JOB, TRIAGE_SWEEP_JOB } from '@app/queue';
import {
  eventually,
  RedisOutage,
  startDeployment,
  TEST_REDIS_URL,
  TestDeployment,
} from '@app/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';

const BOOT_LIMIT_MS = 10_000;

/** Rejects after `ms`: a boot that waits for Redis would otherwise hang the test. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The worker boots while Redis is down: its repeatable jobs (SLA sweep, triage sweep) are set
 * up in the background and appear once Redis is back; meanwhile BullMQ's connection errors
 * reach the log as a few throttled lines, not as a stream on stderr.
 */
describe('queue: the worker starts while Redis is down', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  const logLines: string[] = [];
  let d: TestDeployment;
  let worker: INestApplicationContext | undefined;
  const queues: Queue[] = [];
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    await outage.up();
    d = await startDeployment({
      label: 'redisdown',
      env: { REDIS_URL: outage.url, LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    for (const name of [QueueName.CaseSla, QueueName.TriageSweep]) {
      queues.push(
        new Queue(name, {
          connection: redisConnectionOptions(TEST_REDIS_URL),
          prefix: d.env.QUEUE_PREFIX,
        }),
      );
    }
    consoleError = jest.spyOn(console, 'error');
  });
  afterAll(async () => {
    consoleError?.mockRestore();
    if (outage.port === 0) return;
    await outage.up();
    await worker?.close();
    for (const q of queues) await q.close();
    await d?.close();
    await outage.down();
  });

  const lines = (text: string): string[] => logLines.filter((l) => l.includes(text));

  it('finishes booting without Redis and warns that the schedules wait for it', async () => {
    await outage.down();
    const started = Date.now();
    worker = await within(createWorkerApp(d.config), BOOT_LIMIT_MS, 'worker boot');
    expect(Date.now() - started).toBeLessThan(BOOT_LIMIT_MS);

    await eventually(
      async () =>
        lines('SLA sweep schedule: still waiting for Redis').length === 1 &&
        lines('triage sweep schedule: still waiting for Redis').length === 1,
      15_000,
    );
  });

  it('logs queue and worker errors through the logger, throttled, not to stderr', async () => {
    // Reconnect attempts go on meanwhile (about one a second per connection).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const errorLines = lines('"context":"Queue"');
    expect(errorLines.length).toBeGreaterThan(0);
    // One line per queue or worker per 30 s. The API and the worker app each build their own
    // Queue of a name, so a queue source may appear twice; a worker source once.
    const perSource = new Map<string, number>();
    for (const line of errorLines) {
      const source = /(queue|worker) [a-z-]+:/.exec(line)?.[0];
      expect(source).toBeDefined();
      perSource.set(source!, (perSource.get(source!) ?? 0) + 1);
    }
    expect(perSource.has('worker report-triage:')).toBe(true);
    for (const [source, count] of perSource) {
      expect([source, count]).toEqual([
        source,
        Math.min(count, source.startsWith('queue') ? 2 : 1),
      ]);
    }
    const bullmqOnStderr = consoleError.mock.calls.filter((args: unknown[]) =>
      args.some(
        (a: unknown) => a instanceof Error || /ECONNREFUSED|Connection is closed/.test(String(a)),
      ),
    );
    expect(bullmqOnStderr).toEqual([]);
  });

  it('sets the repeatable jobs up once Redis is back', async () => {
    await outage.up();
    const [sla, sweep] = queues;
    await eventually(
      async () => (await sla.getJobScheduler(SLA_SWEEP_JOB.name)) !== undefined,
      30_000,
    );
    await eventually(
      async () => (await sweep.getJobScheduler(TRIAGE_SWEEP_JOB.name)) !== undefined,
      30_000,
    );
    await eventually(async () => lines('SLA sweep schedule: done').length === 1, 10_000);
  });
});
