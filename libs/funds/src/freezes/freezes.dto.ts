import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  FREEZE_STAGES,
  IsAccountRef,
  IsMoneyAmount,
  IsNotInFuture,
  ApiDateTime,
  ApiMoney,
  ApiText,
  ApiUuid,
  MONEY_INPUT_PATTERN,
  toInt,
} from '@app/common';
import type { FreezeStage } from '@app/common';
import { RELEASE_RECIPIENTS } from '../entities';
import type { ReleaseRecipient } from '../entities';

// Optional fields: null is the same as absent (`== null`), so a null freezeRequestId cannot
// skip the bank/account checks that its absence requires.
export class CreateFreezeDto {
  @ApiPropertyOptional({
    type: String,
    minLength: 2,
    maxLength: 200,
    description: 'Required unless freezeRequestId is given',
  })
  @ValidateIf((o: CreateFreezeDto) => o.freezeRequestId == null || o.bank != null)
  @IsString()
  @Length(2, 200)
  bank?: string | null;

  @ApiPropertyOptional({
    type: String,
    description:
      'IBAN, card number or phone; stored and answered masked only. Required unless ' +
      'freezeRequestId is given',
  })
  @ValidateIf((o: CreateFreezeDto) => o.freezeRequestId == null || o.account != null)
  @IsAccountRef()
  account?: string | null;

  @ApiProperty({ pattern: MONEY_INPUT_PATTERN, example: '150000.00' })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-15T10:00:00+05:00' })
  @IsNotInFuture()
  frozenAt!: string;

  @ApiProperty({ enum: FREEZE_STAGES })
  @IsIn(FREEZE_STAGES)
  stage!: FreezeStage;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The report (of this case) it is for',
  })
  @IsOptional()
  @IsUUID()
  reportId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Marks this pending request frozen',
  })
  @IsOptional()
  @IsUUID()
  freezeRequestId?: string | null;
}

export class ExtendFreezeDto {
  @ApiProperty({ description: 'Reference of the sanction that extends the blocking' })
  @IsString()
  @Length(1, 200)
  sanctionRef!: string;

  @ApiPropertyOptional({
    description:
      'Business days added to the current expiry (default FREEZE_BLOCKING_BUSINESS_DAYS)',
    minimum: 1,
    maximum: 60,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  days?: number;
}

export class CreateReleaseDto {
  @ApiProperty({ pattern: MONEY_INPUT_PATTERN, example: '50000.00' })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ enum: RELEASE_RECIPIENTS })
  @IsIn(RELEASE_RECIPIENTS)
  to!: ReleaseRecipient;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Required when to = victim',
  })
  @ValidateIf((o: CreateReleaseDto) => o.to === 'victim' || o.reportId != null)
  @IsUUID()
  reportId?: string | null;
}

export class ListFreezesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    description: 'Only freezes still holding money that expire within this many business days',
    minimum: 0,
    maximum: 60,
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  expiringWithinDays?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class FreezeView {
  @ApiUuid()
  id!: string;

  @ApiUuid()
  caseId!: string;

  @ApiUuid({ nullable: true })
  reportId!: string | null;

  @ApiUuid({ nullable: true })
  freezeRequestId!: string | null;

  @ApiProperty()
  bank!: string;

  @ApiProperty({ description: 'masked', example: 'KZ** **** 1234' })
  account!: string;

  @ApiMoney()
  amount!: string;

  @ApiMoney()
  released!: string;

  @ApiMoney({ description: 'amount minus released' })
  remaining!: string;

  @ApiDateTime()
  frozenAt!: string;

  @ApiProperty({ enum: FREEZE_STAGES })
  stage!: FreezeStage;

  @ApiDateTime()
  expiresAt!: string;

  @ApiDateTime({ nullable: true })
  extendedAt!: string | null;

  @ApiText({ nullable: true })
  sanctionRef!: string | null;

  @ApiUuid()
  createdBy!: string;

  @ApiDateTime()
  createdAt!: string;
}

export class FreezeListView {
  @ApiProperty({ type: [FreezeView] })
  items!: FreezeView[];
}

export class ReleaseView {
  @ApiUuid()
  id!: string;

  @ApiUuid()
  freezeId!: string;

  @ApiMoney()
  amount!: string;

  @ApiProperty({ enum: RELEASE_RECIPIENTS })
  to!: ReleaseRecipient;

  @ApiUuid({ nullable: true })
  reportId!: string | null;

  @ApiUuid({ nullable: true, description: 'the reimbursement a release to a victim recorded' })
  reimbursementId!: string | null;

  @ApiDateTime()
  createdAt!: string;

  @ApiProperty({ type: FreezeView, description: 'the freeze after this release' })
  freeze!: FreezeView;
}
