import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs pending migrations under a Postgres advisory lock so that several processes starting at
 * once (API and worker replicas) never race on the schema.
 */
export async function runMigrations(url: string, log: (msg: string) => void = () => undefined) {
  const ds = new DataSource({ ...dataSourceOptions(url), entities: [] });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(727001)');
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`migration applied: ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock(727001)');
    }
  } finally {
    await ds.destroy();
  }
}

export async function revertLastMigration(url: string): Promise<void> {
  const ds = new DataSource({ ...dataSourceOptions(url), entities: [] });
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
