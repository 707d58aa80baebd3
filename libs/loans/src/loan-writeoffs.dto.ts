import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  CursorPageQuery,
  IsMoneyAmount,
  IsNotInFuture,
  LOAN_WRITEOFF_OUTCOMES,
  REGIONS,
} from '@app/common';
import type { LoanWriteoffOutcome, Region } from '@app/common';

export const LOAN_WRITEOFF_STATUSES = ['requested', ...LOAN_WRITEOFF_OUTCOMES] as const;
export type LoanWriteoffStatus = (typeof LOAN_WRITEOFF_STATUSES)[number];

/** Every field defaults from the report's `loan`. */
export class CreateLoanWriteoffDto {
  @ApiPropertyOptional({ example: 'МФО «Быстрые деньги»', description: "Default: the report's" })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  lender?: string;

  @ApiPropertyOptional({ example: 'BD-2026-0042', description: "Default: the report's" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  contractNumber?: string;

  @ApiPropertyOptional({ example: '350000.00', description: "Default: the report's loan amount" })
  @IsOptional()
  @IsMoneyAmount()
  amount?: string;
}

export class LoanWriteoffOutcomeDto {
  @ApiProperty({ enum: LOAN_WRITEOFF_OUTCOMES, example: 'written_off' })
  @IsIn(LOAN_WRITEOFF_OUTCOMES)
  outcome!: LoanWriteoffOutcome;

  @ApiProperty({ format: 'date-time', description: 'Not before the request, not in the future' })
  @IsNotInFuture()
  at!: string;

  @ApiPropertyOptional({
    example: '350000.00',
    description: 'Required for written_off (> 0, ≤ the requested amount); absent for refused',
  })
  @ValidateIf((o: LoanWriteoffOutcomeDto) => o.outcome === 'written_off' || o.amount != null)
  @IsMoneyAmount()
  amount?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListLoanWriteoffsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: LOAN_WRITEOFF_STATUSES })
  @IsOptional()
  @IsIn(LOAN_WRITEOFF_STATUSES)
  status?: LoanWriteoffStatus;

  @ApiPropertyOptional({ enum: REGIONS, description: "The case's region" })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}

export class LoanWriteoffView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  reportId!: string;

  @ApiProperty({ example: 'FR-2026-000042' })
  reference!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'CY-2026-000042' })
  caseNumber!: string;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty()
  lender!: string;

  @ApiProperty()
  contractNumber!: string;

  @ApiProperty({ example: '350000.00', description: 'Requested amount' })
  amount!: string;

  @ApiProperty({ enum: LOAN_WRITEOFF_STATUSES })
  status!: LoanWriteoffStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'uuid' })
  requestedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  outcomeAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '350000.00' })
  writtenOffAmount!: string | null;

  @ApiProperty({ type: String, nullable: true })
  outcomeNote!: string | null;
}

export class LoanWriteoffPage {
  @ApiProperty({ type: [LoanWriteoffView] })
  items!: LoanWriteoffView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
