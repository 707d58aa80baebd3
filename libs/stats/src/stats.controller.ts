import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentUser, StaffPrincipal } from '@app/identity';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QueueStatsService, QueueStatsView } from './queue-stats.service';
import { StatsExportService } from './stats-export.service';
import { BreakdownView, StatsQueryService, SummaryView } from './stats-query.service';
import { BreakdownQuery, ExportQuery, QueueStatsQuery, StatsFilterQuery } from './stats.dto';
import { resolveFilter, resolveWindow, scopedStatsRegion } from './stats-scope';
import { randomUUID } from 'node:crypto';
import { ApiProblems } from '@app/common';
import { BreakdownDto, QueueStatsDto, SummaryDto } from './stats-responses.dto';
import { SUMMARY_EXAMPLE } from './stats.openapi';

/**
 * Longest daily export: a year of days × regions × fraud types is already ~73,000 lines;
 * longer periods are exported per month (`granularity=month`, up to MAX_PERIOD_DAYS).
 */
export const MAX_DAILY_EXPORT_DAYS = 366;

/** Supervisor totals (docs/stats.md). A regional supervisor sees only their region. */
@ApiTags('stats')
@Auth('supervisor', 'admin')
@Controller('stats')
export class StatsController {
  private readonly logger = new Logger(StatsController.name);

  constructor(
    private readonly stats: StatsQueryService,
    private readonly exporter: StatsExportService,
    private readonly queueStats: QueueStatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Totals for a period, the previous period and the change in percent' })
  @ApiOkResponse({ type: SummaryDto, example: SUMMARY_EXAMPLE })
  @ApiProblems(400)
  summary(
    @Query() query: StatsFilterQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<SummaryView> {
    return this.stats.summary(resolveFilter(user, query, this.config.reportingTimeZone));
  }

  @Get('breakdown')
  @ApiOperation({ summary: 'The totals per region, fraud type or month' })
  @ApiOkResponse({ type: BreakdownDto })
  @ApiProblems(400)
  breakdown(
    @Query() query: BreakdownQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<BreakdownView> {
    const filter = resolveFilter(user, query, this.config.reportingTimeZone);
    return this.stats.breakdown(filter, query.by ?? 'region');
  }

  @Get('export')
  @ApiOperation({ summary: 'CSV of the totals per day (or month), region and fraud type' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV, one row per day (or month), region and fraud type',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="stats_<from>_<to>.csv"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400)
  async export(
    @Query() query: ExportQuery,
    @CurrentUser() user: StaffPrincipal,
    @Res() res: Response,
  ): Promise<void> {
    const granularity = query.granularity ?? 'day';
    const filter = resolveFilter(
      user,
      query,
      this.config.reportingTimeZone,
      granularity === 'day' ? MAX_DAILY_EXPORT_DAYS : undefined,
    );
    const name = `stats_${filter.period.from}_${filter.period.to}.csv`;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    try {
      await this.exporter.writeCsv(filter, granularity, res);
    } catch (error) {
      // Headers are gone already: cut the stream so the client sees a broken download, and
      // say why in the log (the filter never sees this error).
      this.logger.error({ errorId: randomUUID(), err: error }, 'stats export failed mid-stream');
      res.destroy(error instanceof Error ? error : undefined);
    }
  }

  @Get('queues')
  @ApiOperation({ summary: 'Backlog by priority and region, oldest wait, SLA breaches, workload' })
  @ApiOkResponse({ type: QueueStatsDto })
  @ApiProblems(400)
  queues(
    @Query() query: QueueStatsQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<QueueStatsView> {
    const region = scopedStatsRegion(user, query.region);
    const window = resolveWindow(query, this.config.reportingTimeZone);
    return this.queueStats.queues(region, window);
  }
}
