import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  CASE_STATUSES,
  FRAUD_TYPES,
  IsCalendarDate,
  PeriodDto,
  PRIORITIES,
  REGIONS,
  REPORT_STATUSES,
  SUSPECT_TYPES,
  toInt,
  MONEY_PATTERN,
} from '@app/common';
import type {
  CaseStatus,
  FraudType,
  Priority,
  Region,
  ReportStatus,
  SuspectType,
} from '@app/common';

export class IdentifierLookupQueryDto {
  @ApiProperty({ description: 'a phone, card, IBAN, URL, handle, e-mail or wallet, any format' })
  @IsString()
  @Length(1, 500)
  value!: string;
}

export class TopIdentifiersQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-01-01',
    description: 'inclusive; default 30 days ago',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-02-01',
    description: 'exclusive; default tomorrow',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: FRAUD_TYPES })
  @IsOptional()
  @IsIn(FRAUD_TYPES)
  fraudType?: FraudType;

  @ApiPropertyOptional({ enum: SUSPECT_TYPES })
  @IsOptional()
  @IsIn(SUSPECT_TYPES)
  type?: SuspectType;

  @ApiPropertyOptional({ enum: ['victims', 'damage'], default: 'victims' })
  @IsOptional()
  @IsIn(['victims', 'damage'])
  sort?: 'victims' | 'damage';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class IdentifierCaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ enum: PRIORITIES })
  priority!: Priority;

  @ApiProperty({ enum: REGIONS })
  region!: Region;
}

export class IdentifierReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  reference!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  caseNumber!: string | null;
}

export class IdentifierMatchDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty({ description: 'masked for cards and phones' })
  display!: string;

  @ApiProperty({ type: IdentifierCaseDto, nullable: true, description: 'the owning case' })
  case!: IdentifierCaseDto | null;

  @ApiProperty({ type: [IdentifierReportDto] })
  reports!: IdentifierReportDto[];
}

export class IdentifierLookupDto {
  @ApiProperty({ type: [IdentifierMatchDto], description: 'one per type the value matched' })
  matches!: IdentifierMatchDto[];
}

export class TopIdentifierDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty()
  display!: string;

  @ApiProperty({ type: 'integer', description: 'distinct reports naming it in the period' })
  victims!: number;

  @ApiProperty({
    pattern: MONEY_PATTERN,
    example: '1500000.00',
    description: 'sum of those reports\u2019 loss',
  })
  damage!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  caseNumber!: string | null;
}

export class TopIdentifiersDto {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ type: [TopIdentifierDto] })
  items!: TopIdentifierDto[];
}
