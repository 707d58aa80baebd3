import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * One description of how to reach the database, shared by the apps, the migration CLI and
 * the tests. Schema changes only through migrations: synchronize stays off.
 */
export function dataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // Money and counters are bigint; pg hands them to transformers as strings.
    parseInt8: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    installExtensions: false,
    extra: {
      max: 20,
      application_name: process.env.APP_NAME ?? 'fraud-intake',
      // A server that does not answer must fail the request (503), not hold it open for ever.
      connectionTimeoutMillis: 5000,
    },
    ...extra,
  } as DataSourceOptions;
}

/** Entity files compiled to dist, for the TypeORM CLI (migration:generate). */
export const COMPILED_ENTITY_GLOB = join(__dirname, '..', '..', '**', 'entities', '*.entity.js');
