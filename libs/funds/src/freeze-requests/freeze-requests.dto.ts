import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ApiDateTime, ApiMoney, ApiText, ApiUuid, toInt } from '@app/common';
import { FREEZE_REQUEST_STATUSES } from '../entities';
import type { FreezeRequestStatus } from '../entities';

export class ListFreezeRequestsQuery {
  @ApiPropertyOptional({ enum: FREEZE_REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(FREEZE_REQUEST_STATUSES)
  status?: FreezeRequestStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class FreezeRequestView {
  @ApiUuid()
  id!: string;

  @ApiUuid()
  caseId!: string;

  @ApiProperty({ example: 'CY-2026-000042' })
  caseNumber!: string;

  @ApiUuid()
  reportId!: string;

  @ApiText({ nullable: true })
  bank!: string | null;

  @ApiProperty({ description: 'masked' })
  account!: string;

  @ApiMoney({ description: 'at stake: the transaction amount' })
  amount!: string;

  @ApiDateTime()
  paidAt!: string;

  @ApiProperty({ enum: FREEZE_REQUEST_STATUSES })
  status!: FreezeRequestStatus;

  @ApiDateTime()
  createdAt!: string;

  @ApiDateTime({ nullable: true })
  resolvedAt!: string | null;

  @ApiUuid({ nullable: true })
  resolvedBy!: string | null;

  @ApiText({ nullable: true })
  dismissReason!: string | null;

  @ApiUuid({ nullable: true })
  freezeId!: string | null;
}

export class FreezeRequestListView {
  @ApiProperty({ type: [FreezeRequestView] })
  items!: FreezeRequestView[];
}
