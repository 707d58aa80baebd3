import { ApiProperty } from '@nestjs/swagger';
import { CaseFlagDto } from '@app/cases';
import { LoanWriteoffView } from '@app/loans';
import { TakedownView } from '@app/takedowns';
import {
  AGE_GROUPS,
  CASE_STATUSES,
  FRAUD_TYPES,
  PRIORITIES,
  REGIONS,
  REPORT_STATUSES,
  SUSPECT_TYPES,
  MONEY_PATTERN,
} from '@app/common';
import type {
  AgeGroup,
  CaseStatus,
  FraudType,
  Priority,
  Region,
  ReportStatus,
  SuspectType,
} from '@app/common';
import { CaseSummaryDto } from '@app/cases';

export class CaseReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'FR-2025-000123' })
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty({ enum: FRAUD_TYPES })
  fraudType!: FraudType;

  @ApiProperty({ enum: AGE_GROUPS })
  ageGroup!: AgeGroup;

  @ApiProperty({ enum: PRIORITIES, nullable: true })
  priority!: Priority | null;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  reimbursed!: string;
}

/** `GET /cases/{id}/reports`: oldest first, cursor pagination. */
export class CaseReportPageDto {
  @ApiProperty({ type: [CaseReportDto] })
  items!: CaseReportDto[];

  @ApiProperty({ type: String, nullable: true, description: 'opaque; pass as `cursor`' })
  nextCursor!: string | null;
}

export class CaseIdentifierDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty({ type: String, nullable: true, description: 'normalised; null for cards' })
  value!: string | null;

  @ApiProperty({ description: 'masked for cards and phones' })
  display!: string;

  @ApiProperty({ type: 'integer', description: 'reports of this case naming it' })
  reportCount!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the case that owns the identifier for linking (this one, or a newer case)',
  })
  ownerCaseId!: string | null;
}

/** The case total of `GET /cases/{id}/funds` (libs/funds), computed from the ledger. */
export class CaseFundsSummaryDto {
  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  released!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  releasedToVictims!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  releasedToHolders!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00', description: 'frozen minus released' })
  held!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00', description: 'net of reversals' })
  reimbursed!: string;

  @ApiProperty({
    pattern: MONEY_PATTERN,
    example: '150000.00',
    description: 'loss minus reimbursed',
  })
  outstandingLoss!: string;
}

export class MergedCaseRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({
    type: [CaseReportDto],
    description: 'the first 50 reports, oldest first; `reportCount` counts them all',
  })
  reports!: CaseReportDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'pass as `cursor` to GET /cases/{id}/reports for the reports after these; null when there are none',
  })
  reportsNextCursor!: string | null;

  @ApiProperty({
    type: [CaseIdentifierDto],
    description: 'the 50 identifiers named by most reports of the case',
  })
  identifiers!: CaseIdentifierDto[];

  @ApiProperty({
    type: 'integer',
    description: 'distinct identifiers named by reports of the case',
  })
  identifierCount!: number;

  @ApiProperty({ type: CaseFundsSummaryDto })
  funds!: CaseFundsSummaryDto;

  @ApiProperty({ description: 'sum of offender records' })
  offendersDetained!: number;

  @ApiProperty({ type: [MergedCaseRefDto], description: 'cases merged into this one' })
  mergedFrom!: MergedCaseRefDto[];

  @ApiProperty({ type: [CaseFlagDto], description: 'standing flags (financial_pyramid)' })
  flags!: CaseFlagDto[];

  @ApiProperty({ type: [TakedownView] })
  takedowns!: TakedownView[];

  @ApiProperty({ type: [LoanWriteoffView], description: "write-offs of the case's reports" })
  loanWriteoffs!: LoanWriteoffView[];

  @ApiProperty({
    enum: CASE_STATUSES,
    isArray: true,
    description: '`to` values POST /transition accepts now (from the transition table)',
  })
  allowedTransitions!: CaseStatus[];
}
