import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsMoneyAmount, IsNotInFuture, REIMBURSEMENT_SOURCES } from '@app/common';
import type { ReimbursementSource } from '@app/common';

export class CreateReimbursementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reportId!: string;

  @ApiProperty({ example: '25000.00' })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ enum: REIMBURSEMENT_SOURCES })
  @IsIn(REIMBURSEMENT_SOURCES)
  source!: ReimbursementSource;

  @ApiProperty({ example: '2026-01-20T12:00:00+05:00' })
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

export interface ReimbursementView {
  id: string;
  caseId: string;
  reportId: string;
  amount: string;
  source: ReimbursementSource;
  paidAt: string;
  createdBy: string;
  createdAt: string;
  reversed: boolean;
  reversedAt: string | null;
  reversalReason: string | null;
  reversedBy: string | null;
}
