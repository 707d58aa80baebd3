import { ApiProperty } from '@nestjs/swagger';
import {
  ApiDateTime,
  ApiUuid,
  FRAUD_TYPES,
  MONEY_PATTERN,
  PeriodDto,
  PRIORITIES,
  REGIONS,
} from '@app/common';
import { FIGURE_NAMES } from './figures';
import { BREAKDOWN_DIMENSIONS } from './stats.dto';

type FigureName = (typeof FIGURE_NAMES)[number];

/**
 * The schema of a figure follows from its name, so a figure added to `FIGURE_NAMES` is
 * declared with it: money totals (`…Total`, `damageReported`) are decimal strings, rates
 * (`…Rate`) a number or null, everything else an integer count.
 */
function figureSchema(name: FigureName) {
  if (name === 'damageReported' || name.endsWith('Total')) {
    return { type: 'string', pattern: MONEY_PATTERN, example: '962000000.00' } as const;
  }
  if (name.endsWith('Rate')) return { type: 'number', nullable: true, example: 0.42 } as const;
  return { type: 'integer', minimum: 0, example: 2500 } as const;
}

export class FiguresDto {}
export class ChangePercentDto {}
for (const name of FIGURE_NAMES) {
  ApiProperty(figureSchema(name))(FiguresDto.prototype, name);
  ApiProperty({
    type: 'number',
    nullable: true,
    description: 'change from the previous period in percent; null when it was 0',
  })(ChangePercentDto.prototype, name);
}

export class SummaryDto {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ type: PeriodDto, description: 'the period of equal length before' })
  previousPeriod!: PeriodDto;

  @ApiProperty({ enum: REGIONS, nullable: true })
  region!: string | null;

  @ApiProperty({ enum: FRAUD_TYPES, nullable: true })
  fraudType!: string | null;

  @ApiProperty({ example: 'Asia/Almaty' })
  timeZone!: string;

  @ApiProperty({ type: FiguresDto })
  current!: FiguresDto;

  @ApiProperty({ type: FiguresDto })
  previous!: FiguresDto;

  @ApiProperty({ type: ChangePercentDto })
  changePercent!: ChangePercentDto;
}

export class BreakdownRowDto extends FiguresDto {
  @ApiProperty({ description: 'region code, fraud type or month (YYYY-MM)', example: 'astana' })
  key!: string;
}

export class BreakdownDto {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS })
  by!: string;

  @ApiProperty({ enum: REGIONS, nullable: true })
  region!: string | null;

  @ApiProperty({ enum: FRAUD_TYPES, nullable: true })
  fraudType!: string | null;

  @ApiProperty({ example: 'Asia/Almaty' })
  timeZone!: string;

  @ApiProperty({ type: [BreakdownRowDto] })
  rows!: BreakdownRowDto[];

  @ApiProperty({ type: FiguresDto })
  total!: FiguresDto;
}

export class QueueOpenRowDto {
  @ApiProperty({ enum: REGIONS })
  region!: string;

  @ApiProperty({ enum: PRIORITIES })
  priority!: string;

  @ApiProperty({ type: 'integer' })
  open!: number;

  @ApiProperty({ type: 'integer' })
  unclaimed!: number;
}

export class OldestUnclaimedDto {
  @ApiUuid()
  caseId!: string;

  @ApiProperty({ example: 'CY-2026-000042' })
  number!: string;

  @ApiProperty({ enum: REGIONS })
  region!: string;

  @ApiProperty({ enum: PRIORITIES })
  priority!: string;

  @ApiDateTime()
  createdAt!: string;

  @ApiProperty({ type: 'integer' })
  waitSeconds!: number;
}

export class SlaBreachesByPriorityDto {
  @ApiProperty({ enum: PRIORITIES })
  priority!: string;

  @ApiProperty({ type: 'integer' })
  unclaimedNow!: number;

  @ApiProperty({ type: 'integer' })
  inWindow!: number;
}

export class SlaBreachesDto {
  @ApiProperty({
    type: 'integer',
    description: 'open cases past their first-claim deadline, still unclaimed',
  })
  unclaimedNow!: number;

  @ApiProperty({ type: 'integer', description: 'breaches recorded in the window' })
  inWindow!: number;

  @ApiProperty({ type: [SlaBreachesByPriorityDto] })
  byPriority!: SlaBreachesByPriorityDto[];
}

export class WorkloadRowDto {
  @ApiUuid()
  investigatorId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ enum: REGIONS, nullable: true })
  region!: string | null;

  @ApiProperty({ type: 'integer' })
  activeCases!: number;
}

export class QueueStatsDto {
  @ApiDateTime()
  generatedAt!: string;

  @ApiProperty({ enum: REGIONS, nullable: true })
  region!: string | null;

  @ApiProperty({ type: PeriodDto, description: 'window of the median times' })
  window!: PeriodDto;

  @ApiProperty({ type: [QueueOpenRowDto] })
  open!: QueueOpenRowDto[];

  @ApiProperty({ type: OldestUnclaimedDto, nullable: true })
  oldestUnclaimed!: OldestUnclaimedDto | null;

  @ApiProperty({ type: SlaBreachesDto })
  slaBreaches!: SlaBreachesDto;

  @ApiProperty({ type: [WorkloadRowDto] })
  workload!: WorkloadRowDto[];

  @ApiProperty({ type: 'number', nullable: true })
  medianReportToFirstClaimSeconds!: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  medianReportToFreezeSeconds!: number | null;
}
