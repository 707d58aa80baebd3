import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppConfig, loadConfig } from '@app/config';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi-document';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { TEST_REDIS_URL } from './env';
import { deleteQueueKeys } from './queue-keys';
import { checkedAgent, ResponseContract } from './response-contract';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_PII_KEY = Buffer.alloc(32, 42).toString('base64');
export const TEST_JWT_SECRET = 'e2e-jwt-secret-that-is-long-enough-0123456789';

/** Environment of a test deployment: its own database and its own Redis key prefix. */
export function testEnv(
  db: TestDatabase,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: TEST_JWT_SECRET,
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'evidence-')),
    BOOTSTRAP_ADMIN_EMAIL: 'admin@police.test',
    BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-123',
    OUTBOX_POLL_MS: '200',
    // Any free port: suites run side by side and a fixed one would collide.
    WORKER_METRICS_PORT: '0',
    // Supertest speaks plain http: a Secure cookie would be right but never sent back.
    COOKIE_SECURE: 'false',
    ...overrides,
  };
}

export interface TestDeployment {
  db: TestDatabase;
  env: Record<string, string>;
  config: AppConfig;
  api: NestExpressApplication;
  worker?: INestApplicationContext;
  http: () => TestAgent;
  /** Stops the in-process worker (its relay, processors and sweeps); close() then skips it. */
  stopWorker(): Promise<void>;
  /** Checks every response against the OpenAPI document (off with `contract: false`). */
  contract?: ResponseContract;
  close(): Promise<void>;
}

/**
 * Boots the real API (and optionally the real worker) in this process against a fresh,
 * migrated database and real Redis. Call close() in afterAll.
 */
export async function startDeployment(
  opts: {
    label?: string;
    worker?: boolean;
    env?: Record<string, string>;
    /** Receives every structured log line of the API and worker (pino JSON). */
    logDestination?: AppConfig['logDestination'];
    /** Rewrites the apps' DATABASE_URL, e.g. through a TcpOutage proxy (`outage.via`). */
    databaseUrl?: (url: string) => string;
    /**
     * false: no response-contract check, for a suite that provokes answers no client is
     * promised (say why where it is used).
     */
    contract?: boolean;
  } = {},
): Promise<TestDeployment> {
  const db = await createTestDatabase(opts.label ?? 'e2e');
  const env = testEnv(db, opts.env);
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl(db.url);
  const config: AppConfig = { ...loadConfig(env), logDestination: opts.logDestination };
  // Each app keeps its metrics in a registry of its own (FraudMetrics): no global state to reset.
  const api = await createApiApp(config);
  await api.init();
  // Nest flushes the logs it buffered during boot on listen(); supertest never calls it, and
  // without the flush every Nest Logger line of the API would stay in the buffer.
  api.flushLogs();
  const server = api.getHttpServer();
  const contract =
    opts.contract === false
      ? undefined
      : new ResponseContract(buildOpenApiDocument(api), opts.label ?? 'e2e');
  contract?.install(server);
  let worker = opts.worker ? await createWorkerApp(config) : undefined;
  return {
    db,
    env,
    config,
    api,
    worker,
    async stopWorker() {
      await worker?.close();
      worker = undefined;
    },
    contract,
    http: () => (contract ? checkedAgent(request(server), contract) : request(server)),
    async close() {
      await worker?.close();
      await api.close();
      await db.drop();
      // The test Redis is shared (suites reach it directly or through an outage proxy): the
      // deployment's queue keys go with its database.
      await deleteQueueKeys(env.QUEUE_PREFIX);
      contract?.recordCoverage();
      // A response no awaited request saw (fetch, a fire-and-forget call) still fails the suite.
      contract?.assertClean(true);
    },
  };
}

/** Polls until fn returns a truthy value or the timeout passes. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 15000,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
