import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';

const ROLLUP_LOCK = 727002;

/**
 * The rollup triggers turn instants into days with the zone in `stats_settings`. When
 * REPORTING_TIME_ZONE differs, the first process to boot switches it and rebuilds the rollups
 * from the raw rows, under an advisory lock so replicas do it once.
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
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      const [current] = (await m.query('SELECT time_zone FROM stats_settings')) as Array<{
        time_zone: string;
      }>;
      if (current?.time_zone === zone) return;
      this.logger.log(`reporting time zone is now ${zone}: rebuilding the stats rollups`);
      await m.query('UPDATE stats_settings SET time_zone = $1', [zone]);
      await m.query('SELECT stats_rebuild()');
    });
  }
}
