import { DataSource, QueryRunner } from 'typeorm';
import { startDeployment, TestDeployment } from '@app/testing';

/** docs/stats.md "The reporting time zone": the switch and the writers exclude each other. */
describe('stats: switching the reporting time zone', () => {
  let d: TestDeployment;
  let ds: DataSource;

  beforeAll(async () => {
    d = await startDeployment({ label: 'stats-time-zone', worker: false });
    ds = d.api.get(DataSource);
  });
  afterAll(async () => d?.close());

  const day = async (runner: QueryRunner | DataSource, instant: string): Promise<string> => {
    const rows: Array<{ day: string }> = await runner.query('SELECT stats_day($1)::text AS day', [
      instant,
    ]);
    return rows[0].day;
  };
  /** The switch as RollupSyncService does it, in its own transaction. */
  const switchZone = async (runner: QueryRunner, zone: string): Promise<void> => {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock(727002)');
    await runner.query('UPDATE stats_settings SET time_zone = $1', [zone]);
    await runner.query('SELECT stats_rebuild()');
    await runner.commitTransaction();
  };
  const waitingForZoneLock = async (): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND objid = 727002 AND NOT granted`,
    );
    return rows[0].n;
  };

  it('waits for writers that read the old zone; later writers read the new one', async () => {
    // 19:30 UTC on 31 January is 1 February in Almaty (UTC+5) and 31 January in UTC.
    const instant = '2026-01-31T19:30:00Z';
    const writer = ds.createQueryRunner();
    const switcher = ds.createQueryRunner();
    try {
      await writer.startTransaction();
      expect(await day(writer, instant)).toBe('2026-02-01');
      const switched = switchZone(switcher, 'UTC');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The writer has a day in the old zone and has not committed: the switch must wait.
      expect(await waitingForZoneLock()).toBe(1);
      await writer.commitTransaction();
      await switched;
      expect(await day(ds, instant)).toBe('2026-01-31');
      // A writer that starts while the switch holds the lock reads the zone after it commits.
      await switcher.startTransaction();
      await switcher.query('SELECT pg_advisory_xact_lock(727002)');
      await switcher.query(`UPDATE stats_settings SET time_zone = 'Asia/Almaty'`);
      const late = day(ds, instant);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await waitingForZoneLock()).toBe(1);
      await switcher.query('SELECT stats_rebuild()');
      await switcher.commitTransaction();
      expect(await late).toBe('2026-02-01');
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      if (switcher.isTransactionActive) await switcher.rollbackTransaction();
      await writer.release();
      await switcher.release();
    }
  });
});
