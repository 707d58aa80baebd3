import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '@app/database';
import { createTestDatabase, startDeployment, TestDatabase } from '@app/testing';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../libs/database/src/migrations';

/** Every entity class of every lib, found on disk so a new entity cannot escape the check. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity constructors
function allEntities(): Function[] {
  const libs = join(__dirname, '..', 'libs');
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- as above
  const found: Function[] = [];
  for (const lib of readdirSync(libs)) {
    const dir = join(libs, lib, 'src', 'entities');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.entity.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- dynamic discovery of entity files
      const mod = require(join(dir, file)) as Record<string, unknown>;
      for (const value of Object.values(mod)) if (typeof value === 'function') found.push(value);
    }
  }
  return found;
}

describe('schema: entities and migrations agree', () => {
  it('finds no drift between every entity on disk and the migrated schema', async () => {
    const db = await createTestDatabase('driftall');
    const entities = allEntities();
    expect(entities.length).toBeGreaterThan(10);
    const ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities,
      installExtensions: false,
    });
    try {
      await ds.initialize();
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('finds no drift between the entities of the app and the migrated schema', async () => {
    const d = await startDeployment({ label: 'drift', worker: true });
    try {
      for (const app of [d.api, d.worker as INestApplicationContext]) {
        const ds = app.get(DataSource);
        const sql = await ds.driver.createSchemaBuilder().log();
        expect(sql.upQueries.map((q) => q.query)).toEqual([]);
      }
    } finally {
      await d.close();
    }
  });

  it('reverts every migration down to an empty schema and back up', async () => {
    const db: TestDatabase = await createTestDatabase('downup');
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(db.url);
      const ds = new DataSource({ type: 'postgres', url: db.url });
      await ds.initialize();
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      await ds.destroy();
      expect(tables).toEqual([]);
      const applied = await runMigrations(db.url);
      expect(applied).toHaveLength(MIGRATIONS.length);
    } finally {
      await db.drop();
    }
  });
});
