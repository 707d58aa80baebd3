import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FRAUD_TYPES, IsCalendarDate, REGIONS } from '@app/common';
import type { FraudType, Region } from '@app/common';

/** Period and filters shared by every totals endpoint. */
export class StatsFilterQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'First day (inclusive) in the reporting time zone; default to − 30 days',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-02-01',
    description: 'Day after the last (exclusive); default tomorrow (today included)',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: REGIONS,
    description: 'Reports by reporter region, the rest by case region',
  })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: FRAUD_TYPES })
  @IsOptional()
  @IsIn(FRAUD_TYPES)
  fraudType?: FraudType;
}

export const BREAKDOWN_DIMENSIONS = ['region', 'fraudType', 'month'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export class BreakdownQuery extends StatsFilterQuery {
  @ApiPropertyOptional({ enum: BREAKDOWN_DIMENSIONS, default: 'region' })
  @IsOptional()
  @IsIn(BREAKDOWN_DIMENSIONS)
  by?: BreakdownDimension;
}

export const EXPORT_GRANULARITIES = ['day', 'month'] as const;
export type ExportGranularity = (typeof EXPORT_GRANULARITIES)[number];

export class ExportQuery extends StatsFilterQuery {
  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv'])
  format?: 'csv';

  @ApiPropertyOptional({
    enum: EXPORT_GRANULARITIES,
    default: 'day',
    description: 'One row per day (or month) × region × fraud type that has any figure',
  })
  @IsOptional()
  @IsIn(EXPORT_GRANULARITIES)
  granularity?: ExportGranularity;
}

export class QueueStatsQuery {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Window of the median times; default to − 30 days',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Window end (exclusive); default tomorrow',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
