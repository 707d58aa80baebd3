import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CASE_FLAGS } from '@app/common';
import type { CaseFlagName } from '@app/common';

export class SetCaseFlagDto {
  @ApiProperty({ enum: CASE_FLAGS, example: 'financial_pyramid' })
  @IsIn(CASE_FLAGS)
  flag!: CaseFlagName;
}

export class CaseFlagDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: CASE_FLAGS })
  flag!: CaseFlagName;

  @ApiProperty({ format: 'date-time' })
  setAt!: string;

  @ApiProperty({ format: 'uuid' })
  setBy!: string;
}
