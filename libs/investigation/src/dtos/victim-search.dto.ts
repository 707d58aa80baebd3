import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import type { ValidationArguments } from 'class-validator';
import {
  CursorPageQuery,
  FRAUD_TYPES,
  IsIin,
  IsKzPhone,
  MONEY_PATTERN,
  PRIORITIES,
  REGIONS,
  REPORT_STATUSES,
} from '@app/common';
import type { FraudType, Priority, Region, ReportStatus } from '@app/common';

/** A staff member pastes an IIN with a stray space; the stored value never has one. */
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

// The messages never repeat the value: it is a victim's phone or IIN (docs/access.md).
const phoneMessage = (args: ValidationArguments): string =>
  args.value === undefined
    ? 'give either phone or iin'
    : 'phone must be a Kazakhstan phone number such as +77011234567 or 8 701 123 45 67';

/** `iin` must not come with `phone`: one search is by one of them. */
function IsNotWithPhone(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotWithPhone',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments): boolean =>
        (args?.object as VictimSearchQueryDto | undefined)?.phone === undefined,
      defaultMessage: () => 'give either phone or iin, not both',
    },
  });
}

/** `GET /victims`: exactly one of `phone` and `iin`, plus the usual cursor paging. */
export class VictimSearchQueryDto extends CursorPageQuery {
  @ApiPropertyOptional({
    example: '8 701 123 45 67',
    description: 'the reporter\u2019s phone, any common KZ format; exactly one of phone and iin',
  })
  // Checked when given, and when iin is missing too: then it is the field the caller forgot.
  @ValidateIf((o: VictimSearchQueryDto) => o.phone !== undefined || o.iin === undefined)
  @IsKzPhone({ message: phoneMessage })
  phone?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9]{12}$',
    description: 'the reporter\u2019s IIN: 12 digits with a valid control digit',
  })
  @ValidateIf((o: VictimSearchQueryDto) => o.iin !== undefined)
  @Transform(trimmed)
  @IsIin()
  @IsNotWithPhone()
  iin?: string;
}

export class VictimReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'FR-2026-000123' })
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ enum: REGIONS, description: 'the reporter\u2019s region' })
  region!: Region;

  @ApiProperty({ enum: FRAUD_TYPES })
  fraudType!: FraudType;

  @ApiProperty({ enum: PRIORITIES, nullable: true, description: 'null before triage' })
  priority!: Priority | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null before triage' })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'CY-2026-000045' })
  caseNumber!: string | null;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  reimbursed!: string;
}

/** The reports one person filed, newest first; no personal data (GET /reports/{reference} has it). */
export class VictimReportPageDto {
  @ApiProperty({ type: [VictimReportDto] })
  items!: VictimReportDto[];

  @ApiProperty({ type: String, nullable: true, description: 'opaque; pass as `cursor`' })
  nextCursor!: string | null;
}
