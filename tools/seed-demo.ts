/**
 * `npm run seed:demo`: the scripted national year of tools/national-year.ts, through the domain
 * services, into the database of DATABASE_URL (or the embedded PostgreSQL of `npm start`,
 * started if needed), then the year's summary as GET /stats/summary answers it.
 */
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { createApiApp } from '../apps/api/src/bootstrap/create-api-app';
import { resolveDatabase } from './embedded-postgres';
import { NATIONAL_YEAR, runNationalYear } from './national-year';
import { StatsQueryServiceRef } from './seed-demo.refs';

const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? 'demo-password-2026';

async function main(): Promise<void> {
  const db0 = await resolveDatabase((m) => console.log(m));
  process.env.DATABASE_URL = db0.url;
  const config = loadConfig();
  await runMigrations(config.databaseUrl, (m) => console.log(m));
  const app = await createApiApp(config);
  try {
    await app.init();
    await seed(app, config.reportingTimeZone);
  } finally {
    await app.close();
    await db0.stop();
  }
}

async function seed(
  app: Awaited<ReturnType<typeof createApiApp>>,
  timeZone: string,
): Promise<void> {
  const bar = new SingleBar(
    { format: 'seed-demo [{bar}] {percentage}% | {value}/{total} cases | {eta_formatted} left' },
    Presets.shades_classic,
  );
  bar.start(NATIONAL_YEAR.casesSolved, 0);
  const { yearStart } = await runNationalYear(app, {
    password: DEMO_PASSWORD,
    concurrency: Number(process.env.SEED_CONCURRENCY ?? 4),
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  const from = new Intl.DateTimeFormat('en-CA', { timeZone }).format(
    new Date(yearStart.getTime() + 3600_000),
  );
  const to = new Intl.DateTimeFormat('en-CA', { timeZone }).format(
    new Date(Date.now() + 86_400_000),
  );
  const summary = await app
    .get(StatsQueryServiceRef, { strict: false })
    .summary({ period: { from, to }, region: null, fraudType: null });
  console.log(`\nThe year ${from} – ${to} (exclusive), national:`);
  for (const [name, value] of Object.entries(summary.current)) {
    console.log(`  ${name.padEnd(22)} ${String(value)}`);
  }
  console.log(
    `\nStaff: investigator.<region>@demo.police.kz and supervisor.national@demo.police.kz, ` +
      `password ${DEMO_PASSWORD}`,
  );
}

main().catch((err: unknown) => {
  console.error(`seed-demo failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
