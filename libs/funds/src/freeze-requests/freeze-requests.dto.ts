import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { toInt } from '@app/common';
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

export interface FreezeRequestView {
  id: string;
  caseId: string;
  caseNumber: string;
  reportId: string;
  bank: string | null;
  account: string;
  amount: string;
  paidAt: string;
  status: FreezeRequestStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  dismissReason: string | null;
  freezeId: string | null;
}
