import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';
import { CASE_STATUSES, CursorPageQuery, PRIORITIES, REGIONS, UUID_PATTERN } from '@app/common';
import type { CaseStatus, Priority, Region } from '@app/common';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `GET /cases`: every filter optional; lists are comma-separated. */
export class ListCasesQueryDto extends CursorPageQuery {
  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    isArray: true,
    description: 'comma-separated, e.g. `open,in_review`',
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({
    enum: PRIORITIES,
    isArray: true,
    description: 'comma-separated, e.g. `P1,P2`',
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional({ description: '`me`, `unassigned` or a user id' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^(me|unassigned|${UUID_PATTERN})$`, 'i'), {
    message: 'assignee must be `me`, `unassigned` or a user id',
  })
  assignee?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  slaBreached?: boolean;
}
