import { ConfigError, loadConfig } from '@app/config';
import { checkPostgres } from '@app/database';
import { checkRedis } from '@app/queue';
import { createWorkerApp } from './create-worker-app';

async function main() {
  const config = loadConfig();
  const problems = (
    await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redis.url)])
  ).filter((p): p is string => p !== null);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  await createWorkerApp(config);
  console.log('Worker ready');
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `Worker failed to start: ${(err as Error).message}`,
  );
  process.exit(1);
});
