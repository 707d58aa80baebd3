/**
 * Builds the OpenAPI document offline (no PostgreSQL, no Redis: Nest's preview mode resolves
 * the module graph without instantiating providers) and writes it to docs/openapi.json, or with
 * `--check` fails when the committed file differs. `npm run openapi` runs it after a build.
 */
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@app/config';
import { ApiModule } from '../apps/api/src/api.module';
import { API_PREFIX } from '../apps/api/src/bootstrap/configure-app';
import { buildOpenApiDocument } from '../apps/api/src/openapi/openapi-document';

/** npm scripts and jest run from the repository root. */
export const OPENAPI_FILE = resolve(process.cwd(), 'docs', 'openapi.json');

export async function buildOfflineDocument(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    // Never connected to: preview mode instantiates no provider.
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
    JWT_SECRET: 'openapi-build-only-secret-never-used-0123456789',
    PII_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  return text;
}

async function main(): Promise<void> {
  const text = await buildOfflineDocument();
  if (process.argv.includes('--check')) {
    if (readFileSync(OPENAPI_FILE, 'utf8') !== text) {
      console.error('docs/openapi.json is out of date: run `npm run openapi`');
      process.exit(1);
    }
    return;
  }
  writeFileSync(OPENAPI_FILE, text);
  console.log(`wrote ${OPENAPI_FILE}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
