import { checkPostgres } from '../../libs/database/src/preflight';
import { checkRedis } from '../../libs/queue/src/redis';
import { rmSync } from 'node:fs';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from './env';
import { CONTRACT_COVERAGE_DIR } from './response-contract';

/** Fail the whole e2e run at once, with one clear line, when a service is missing. */
export default async function globalSetup(): Promise<void> {
  // Each run starts a fresh response-contract coverage record (printed by global-teardown).
  rmSync(CONTRACT_COVERAGE_DIR, { recursive: true, force: true });
  const problems = [await checkPostgres(TEST_PG_ADMIN_URL), await checkRedis(TEST_REDIS_URL)];
  const found = problems.filter(Boolean);
  if (found.length) throw new Error(`e2e tests need PostgreSQL and Redis:\n${found.join('\n')}`);
}
