import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'prom-client';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppConfig, loadConfig } from '@app/config';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi-document';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { TEST_REDIS_URL } from './env';
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
    /**
     * false: no response-contract check, for a suite that provokes answers no client is
     * promised (say why where it is used).
     */
    contract?: boolean;
  } = {},
): Promise<TestDeployment> {
  const db = await createTestDatabase(opts.label ?? 'e2e');
  const env = testEnv(db, opts.env);
  const config: AppConfig = { ...loadConfig(env), logDestination: opts.logDestination };
  // prom-client keeps one global registry; a second app in this process would re-register.
  register.clear();
  const api = await createApiApp(config);
  await api.init();
  const server = api.getHttpServer();
  const contract =
    opts.contract === false
      ? undefined
      : new ResponseContract(buildOpenApiDocument(api), opts.label ?? 'e2e');
  contract?.install(server);
  const worker = opts.worker ? await createWorkerApp(config) : undefined;
  return {
    db,
    env,
    config,
    api,
    worker,
    contract,
    http: () => (contract ? checkedAgent(request(server), contract) : request(server)),
    async close() {
      await worker?.close();
      await api.close();
      await db.drop();
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
