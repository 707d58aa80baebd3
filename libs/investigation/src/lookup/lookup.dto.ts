import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { LOOKUP_BUCKETS, SUSPECT_TYPES } from '@app/common';
import type { LookupBucket, SuspectType } from '@app/common';

export class LookupQueryDto {
  @ApiProperty({ enum: SUSPECT_TYPES, description: 'what the value is' })
  @IsIn(SUSPECT_TYPES)
  type!: SuspectType;

  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    description: 'as typed: `8 701 123 45 67`, a card with spaces, a link, `@handle`…',
    example: '8 701 123 45 67',
  })
  @IsString()
  @Length(1, 500)
  value!: string;
}

/** Everything the public may learn about an identifier (DESIGN: nothing more). */
export class LookupAnswerDto {
  @ApiProperty({
    enum: SUSPECT_TYPES,
    description:
      'the type it was looked up as: a messenger handle that is a phone number is `phone`, any value holding a card number is `card`',
  })
  type!: SuspectType;

  @ApiProperty({
    description: 'normalised (`+77011234567`, `example.kz`); a card masked (`**** **** **** 1234`)',
    example: '+77011234567',
  })
  value!: string;

  @ApiProperty({
    enum: LOOKUP_BUCKETS,
    description: 'distinct reports naming it: `few` 1–2, `several` 3–9, `many` 10 or more',
  })
  reports!: LookupBucket;

  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
    example: '2026-03',
    description:
      'month of the latest report naming it, in the reporting time zone; null unless `reports` is `several` or `many`',
  })
  lastReportedMonth!: string | null;

  @ApiProperty({ description: 'a takedown of it was recorded as blocked' })
  blocked!: boolean;
}
