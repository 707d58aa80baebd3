import { ConfigError, loadConfig } from '@app/config';
import { checkPostgres } from '@app/database';
import { checkRedis } from '@app/queue';
import { createApiApp } from './bootstrap/create-api-app';
import { closeGracefullyOnSignals } from './bootstrap/graceful-shutdown';

async function main() {
  const config = loadConfig();
  const problems = (
    await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redis.url)])
  ).filter((p): p is string => p !== null);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  const app = await createApiApp(config);
  closeGracefullyOnSignals(app, (m) => console.log(m));
  await app.listen(config.http.port, config.http.host);
  const base = `http://localhost:${config.http.port}`;
  announceReady(`API ready: ${base}/api/v1  docs: ${base}/api/docs  form: ${base}/`);
}

/**
 * Run alone: print that it is ready. Forked by `npm start` (an IPC channel exists): tell the
 * supervisor, which prints one banner once both apps are ready, and shut down gracefully
 * (SIGTERM: enableShutdownHooks) when the supervisor is gone rather than live on orphaned.
 */
function announceReady(line: string) {
  if (!process.send) {
    console.log(line);
    return;
  }
  process.send({ type: 'ready' });
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `API failed to start: ${(err as Error).message}`,
  );
  process.exit(1);
});
