import Redis from 'ioredis';
import { TEST_REDIS_URL } from './env';

/**
 * Removes the queue keys a test deployment left under its QUEUE_PREFIX in the shared test
 * Redis. Best effort: a Redis that does not answer (a suite that stopped it) leaves them.
 */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    }
  } catch {
    // Left for the Redis's owner: nothing in a test depends on them being gone.
  } finally {
    redis.disconnect();
  }
}
