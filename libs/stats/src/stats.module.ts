import { Module } from '@nestjs/common';
import { RollupSyncService } from './rollup-sync.service';
import { QueueStatsService } from './queue-stats.service';
import { StatsExportService } from './stats-export.service';
import { StatsQueryService } from './stats-query.service';

/** Stats services without HTTP (the rollups are kept by triggers, see the migration). */
@Module({
  providers: [StatsQueryService, StatsExportService, QueueStatsService, RollupSyncService],
  exports: [StatsQueryService, StatsExportService, QueueStatsService],
})
export class StatsModule {}
