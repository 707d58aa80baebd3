import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ApiDateTime,
  ApiMoney,
  ApiText,
  ApiUuid,
  IsMoneyAmount,
  IsNotInFuture,
  MONEY_INPUT_PATTERN,
  REIMBURSEMENT_SOURCES,
} from '@app/common';
import type { ReimbursementSource } from '@app/common';

export class CreateReimbursementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reportId!: string;

  @ApiProperty({ pattern: MONEY_INPUT_PATTERN, example: '25000.00' })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ enum: REIMBURSEMENT_SOURCES })
  @IsIn(REIMBURSEMENT_SOURCES)
  source!: ReimbursementSource;

  @ApiProperty({ format: 'date-time', example: '2026-01-20T12:00:00+05:00' })
  @IsNotInFuture()
  paidAt!: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ReimbursementView {
  @ApiUuid()
  id!: string;

  @ApiUuid()
  caseId!: string;

  @ApiUuid()
  reportId!: string;

  @ApiMoney()
  amount!: string;

  @ApiProperty({ enum: REIMBURSEMENT_SOURCES })
  source!: ReimbursementSource;

  @ApiDateTime()
  paidAt!: string;

  @ApiUuid()
  createdBy!: string;

  @ApiDateTime()
  createdAt!: string;

  @ApiProperty()
  reversed!: boolean;

  @ApiDateTime({ nullable: true })
  reversedAt!: string | null;

  @ApiText({ nullable: true })
  reversalReason!: string | null;

  @ApiUuid({ nullable: true })
  reversedBy!: string | null;
}
