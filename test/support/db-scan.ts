import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { luhnValid } from '@app/common';
import { redisConnectionOptions } from '@app/queue';

interface Column {
  table_name: string;
  column_name: string;
}

/**
 * Searches every text, varchar, array and json column of every table for each needle, as the
 * database stores it. Returns `table.column: name` for each hit; an empty list means clean.
 */
export async function findInDatabase(
  db: DataSource,
  needles: Record<string, string>,
): Promise<string[]> {
  const columns = (await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public'
        AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      ORDER BY table_name, column_name`,
  )) as Column[];
  // A scan that found no columns would pass vacuously.
  expect(columns.length).toBeGreaterThan(10);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const [name, value] of Object.entries(needles)) {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [value],
      )) as Array<{ n: number }>;
      if (n > 0) hits.push(`${table}.${column}: ${name}`);
    }
  }
  return hits;
}

/** A Luhn-valid 16-digit card number with the given 15-digit prefix. */
export function cardNumber(prefix15: string): string {
  for (let check = 0; check <= 9; check += 1) {
    if (luhnValid(`${prefix15}${check}`)) return `${prefix15}${check}`;
  }
  throw new Error('unreachable');
}

/**
 * Every value under the deployment's Redis prefix (queues, job payloads, rate-limit counters)
 * as one text, to search for what must not be there. Fails when there are no keys at all.
 */
export async function dumpRedis(env: Record<string, string>): Promise<string> {
  const redis = new IORedis(redisConnectionOptions(env.REDIS_URL));
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(
        cursor,
        'MATCH',
        `${env.QUEUE_PREFIX}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(0);
    const dump: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') dump.push(String(await redis.get(key)));
      else if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') dump.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') dump.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') dump.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') dump.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return dump.join('\n');
  } finally {
    redis.disconnect();
  }
}
