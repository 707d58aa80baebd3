/**
 * `npm start`: one command for a whole deployment on one machine. Starts an embedded
 * PostgreSQL when DATABASE_URL is unset, checks Redis, runs migrations, then runs the API and
 * the worker as child processes (the same entry points used to scale out).
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@app/config';
import { checkPostgres, runMigrations } from '@app/database';
import { checkRedis } from '@app/queue';
import { EmbeddedDb, resolveDatabase } from './embedded-postgres';

const log = (m: string) => console.log(`[start] ${m}`);

async function main() {
  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await resolveDatabase(log);
    process.env.DATABASE_URL = embedded.url;
    log(`embedded PostgreSQL running (${embedded.url.replace(/:[^:@/]*@/, ':***@')})`);
  }
  const stopDb = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
  };
  try {
    const config = loadConfig();
    const dbProblem = await checkPostgres(config.databaseUrl);
    const redisProblem = await checkRedis(config.redis.url);
    if (dbProblem || redisProblem) {
      for (const p of [dbProblem, redisProblem]) if (p) console.error(p);
      await stopDb();
      process.exit(1);
    }
    await runMigrations(config.databaseUrl, log);
  } catch (err) {
    console.error(
      err instanceof ConfigError ? err.message : `start failed: ${(err as Error).message}`,
    );
    await stopDb();
    process.exit(1);
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await stopDb();
    process.exit(code);
  };
  for (const app of ['api', 'worker']) {
    const child = fork(join(__dirname, '..', 'apps', app, 'src', 'main.js'), { env: process.env });
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`[start] ${app} exited with code ${code}; stopping`);
        void stopAll(code ?? 1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
}

void main();
