import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_JWT_SECRET, TEST_PII_KEY } from '@app/testing';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL } from './support/env';

const dist = join(__dirname, '..', 'dist', 'apps');
const entry = (app: string) => join(dist, app, 'src', 'main.js');

/** Runs a compiled entry point with a clean environment; returns exit code and stderr lines. */
function run(app: string, env: Record<string, string>) {
  const res = spawnSync(process.execPath, [entry(app)], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      DATABASE_URL: TEST_PG_ADMIN_URL,
      REDIS_URL: TEST_REDIS_URL,
      PORT: '0',
      ...env,
    },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { code: res.status, lines: res.stderr.split('\n').filter((l) => l.trim() !== '') };
}

describe('startup: one clear line for a broken environment', () => {
  beforeAll(() => {
    // npm test builds first; the compiled entry points are what operators run.
    expect(existsSync(entry('api')) && existsSync(entry('worker'))).toBe(true);
  });

  for (const app of ['api', 'worker']) {
    it(`${app}: unreachable PostgreSQL names DATABASE_URL and hides the password`, () => {
      const { code, lines } = run(app, { DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/nope' });
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /PostgreSQL is not reachable at DATABASE_URL=postgres:\/\/user:\*\*\*@127\.0\.0\.1:1\/nope/,
      );
      expect(lines[0]).not.toContain('secret');
    });

    it(`${app}: unreachable Redis says how to get one`, () => {
      const { code, lines } = run(app, { REDIS_URL: 'redis://127.0.0.1:6390' });
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Redis is not reachable at REDIS_URL=redis:\/\/127\.0\.0\.1:6390/);
      expect(lines[0]).toMatch(
        /docker run -d -p 127\.0\.0\.1:6379:6379 redis:7-alpine .*apt-get install redis-server.*brew/,
      );
    });

    it(`${app}: a malformed variable is named`, () => {
      const { code, lines } = run(app, { PORT: 'eighty' });
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid configuration: PORT/);
    });
  }
});
