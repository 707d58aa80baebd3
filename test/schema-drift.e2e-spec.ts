import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '@app/database';
import { createTestDatabase, startDeployment, TestDatabase } from '@app/testing';
import { MIGRATIONS } from '../libs/database/src/migrations';

describe('schema: entities and migrations agree', () => {
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
