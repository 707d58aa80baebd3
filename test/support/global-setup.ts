import { checkPostgres } from '../../libs/database/src/preflight';
import { checkRedis } from '../../libs/queue/src/redis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from './env';

/** Fail the whole e2e run at once, with one clear line, when a service is missing. */
export default async function globalSetup(): Promise<void> {
  const problems = [await checkPostgres(TEST_PG_ADMIN_URL), await checkRedis(TEST_REDIS_URL)];
  const found = problems.filter(Boolean);
  if (found.length) throw new Error(`e2e tests need PostgreSQL and Redis:\n${found.join('\n')}`);
}
