// Data source for the TypeORM CLI (migration:generate). The apps build theirs in DatabaseModule.
import { DataSource } from 'typeorm';
import { COMPILED_ENTITY_GLOB, dataSourceOptions } from './data-source-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');

export default new DataSource({ ...dataSourceOptions(url), entities: [COMPILED_ENTITY_GLOB] });
