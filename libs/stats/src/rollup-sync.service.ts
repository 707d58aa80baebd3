import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';

/**
 * The zone lock: every rollup writer holds it shared from reading the zone (`stats_zone()`,
 * migration StatsStableFigures) until commit; a switch and `stats_rebuild()` hold it exclusively.
 */
const ROLLUP_LOCK = 727002;

/**
 * The rollup triggers turn instants into days with the zone in `stats_settings`. When
 * REPORTING_TIME_ZONE differs, the first process to boot switches it and rebuilds the rollups
 * from the raw rows, under the zone lock: it waits for writers that read the old zone to commit
 * and holds new ones back until the rebuild commits, and replicas do it once. All replicas must
 * share one REPORTING_TIME_ZONE (docs/stats.md).
 */
@Injectable()
export class RollupSyncService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StatsRollups');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const zone = this.config.reportingTimeZone;
    const known: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM pg_timezone_names WHERE name = $1',
      [zone],
    );
    if (known.length === 0) {
      throw new Error(`REPORTING_TIME_ZONE ${zone} is not a time zone PostgreSQL knows`);
    }
    // Unchanged (every boot but the first after a switch): no need to stall writers on the lock.
    if ((await this.storedZone(this.dataSource.manager)) === zone) return;
    await this.dataSource.transaction(async (m) => {
      // A rebuild reads every raw row: on a large database it outlasts the API's
      // statement_timeout, which is for request queries, not for this one-off at boot.
      await m.query('SET LOCAL statement_timeout = 0');
      await m.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      if ((await this.storedZone(m)) === zone) return;
      this.logger.log(`reporting time zone is now ${zone}: rebuilding the stats rollups`);
      await m.query('UPDATE stats_settings SET time_zone = $1', [zone]);
      await m.query('SELECT stats_rebuild()');
    });
  }

  private async storedZone(m: EntityManager): Promise<string | undefined> {
    const rows: Array<{ time_zone: string }> = await m.query(
      'SELECT time_zone FROM stats_settings',
    );
    return rows[0]?.time_zone;
  }
}
