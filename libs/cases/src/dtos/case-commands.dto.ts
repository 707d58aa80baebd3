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
  ValidateBy,
} from 'class-validator';
import { CASE_STATUSES, CLOSE_REASONS, IsNotInFuture } from '@app/common';
import type { CaseStatus, CloseReason } from '@app/common';

/** No control characters; `multiline` allows tab, LF and CR (notes are free text). */
function isCleanText(value: unknown, multiline: boolean): boolean {
  if (typeof value !== 'string') return false;
  for (const char of value) {
    const code = char.charCodeAt(0);
    const allowed = multiline && (code === 9 || code === 10 || code === 13);
    if ((code < 32 || code === 127) && !allowed) return false;
  }
  return true;
}

function IsCleanText(multiline: boolean): PropertyDecorator {
  return ValidateBy({
    name: 'isCleanText',
    validator: {
      validate: (value: unknown) => isCleanText(value, multiline),
      defaultMessage: () =>
        multiline
          ? '$property must not contain control characters'
          : '$property must be a single line without control characters',
    },
  });
}
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AssignCaseDto {
  @ApiProperty({ format: 'uuid', description: 'an active investigator of the case region' })
  @IsUUID()
  assigneeId!: string;
}

export class TransitionCaseDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  to!: CaseStatus;

  @ApiPropertyOptional({ enum: CLOSE_REASONS, description: 'required when `to` is `closed`' })
  @IsOptional()
  @IsIn(CLOSE_REASONS)
  reason?: CloseReason;

  @ApiPropertyOptional({ maxLength: 200, description: 'required when `to` is `referred`' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  @IsCleanText(false)
  agency?: string;
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  @IsCleanText(true)
  text!: string;
}

export class RecordOffendersDto {
  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;

  @ApiProperty({ example: '2025-05-01T14:30:00+05:00' })
  @IsString()
  @IsNotInFuture()
  detainedAt!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  @IsCleanText(true)
  note?: string;
}

export class MergeCaseDto {
  @ApiProperty({ format: 'uuid', description: 'the duplicate case, closed into this one' })
  @IsUUID()
  sourceCaseId!: string;
}
