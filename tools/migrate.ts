/** `npm run migration:run|migration:revert` against DATABASE_URL. */
import { revertLastMigration, runMigrations } from '@app/database';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set');
  if (process.argv[2] === 'revert') {
    await revertLastMigration(url);
    console.log('reverted the last migration');
  } else {
    const applied = await runMigrations(url, console.log);
    console.log(applied.length ? `${applied.length} migration(s) applied` : 'schema is up to date');
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
