import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { CASE_STATUSES, CLOSE_REASONS, IsNotInFuture } from '@app/common';
import type { CaseStatus, CloseReason } from '@app/common';
import { IsPlainText } from '@app/reports';

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
  // Optional fields use ValidateIf(!== undefined), not IsOptional: `null` is not "absent" (it
  // would reach a CHECK constraint as a 409), so it is a 400 naming the field.
  @ValidateIf((o: TransitionCaseDto) => o.reason !== undefined)
  @IsIn(CLOSE_REASONS)
  reason?: CloseReason;

  @ApiPropertyOptional({ maxLength: 200, description: 'required when `to` is `referred`' })
  @ValidateIf((o: TransitionCaseDto) => o.agency !== undefined)
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  @IsPlainText()
  agency?: string;
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  @IsPlainText({ multiline: true })
  text!: string;
}

/** People detained in one operation; a larger group is recorded as several records. */
export const MAX_OFFENDERS_PER_RECORD = 100;

export class RecordOffendersDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_OFFENDERS_PER_RECORD })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFENDERS_PER_RECORD)
  count!: number;

  @ApiProperty({
    format: 'date-time',
    example: '2025-05-01T14:30:00+05:00',
    description: "not in the future, not before the case's first incident (400)",
  })
  @IsString()
  @IsNotInFuture()
  detainedAt!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @ValidateIf((o: RecordOffendersDto) => o.note !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  @IsPlainText({ multiline: true })
  note?: string;
}

export class MergeCaseDto {
  @ApiProperty({ format: 'uuid', description: 'the duplicate case, closed into this one' })
  @IsUUID()
  sourceCaseId!: string;
}
