import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '@app/database';
import { TEST_PG_ADMIN_URL } from './env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one suite, with the real migrations applied. */
export async function createTestDatabase(label = 'e2e', migrate = true): Promise<TestDatabase> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  if (migrate) await runMigrations(url.toString());
  return {
    url: url.toString(),
    name,
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
