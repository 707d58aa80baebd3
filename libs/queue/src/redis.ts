import type { RedisOptions } from 'bullmq';
import IORedis from 'ioredis';

/** BullMQ needs maxRetriesPerRequest: null on worker connections. */
export function redisConnectionOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Pings once; returns a one-line, actionable error message, or null when reachable. */
export async function checkRedis(url: string): Promise<string | null> {
  const client = new IORedis({
    ...redisConnectionOptions(url),
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const safe = url.replace(/\/\/[^@/]*@/, '//***@');
    return (
      `Redis is not reachable at REDIS_URL=${safe} (${e.code ?? e.message ?? 'error'}). ` +
      'Start one: `docker run -d -p 127.0.0.1:6379:6379 redis:7-alpine --maxmemory-policy noeviction`, ' +
      'or `apt-get install redis-server`, ' +
      'or `brew install redis && brew services start redis`; or set REDIS_URL.'
    );
  } finally {
    client.disconnect();
  }
}
