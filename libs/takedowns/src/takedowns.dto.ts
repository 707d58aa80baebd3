import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CursorPageQuery,
  IsNotInFuture,
  REGIONS,
  SUSPECT_TYPES,
  TAKEDOWN_KINDS,
  TAKEDOWN_OUTCOMES,
} from '@app/common';
import type { Region, SuspectType, TakedownKind, TakedownOutcome } from '@app/common';

export const TAKEDOWN_STATUSES = ['requested', ...TAKEDOWN_OUTCOMES] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

export class TakedownIdentifierDto {
  @ApiProperty({ enum: SUSPECT_TYPES, example: 'url' })
  @IsIn(SUSPECT_TYPES)
  type!: SuspectType;

  @ApiProperty({ example: 't.me/joinchat/invest-kz', description: 'Normalised like a suspect' })
  @IsString()
  @Length(1, 500)
  value!: string;
}

export class CreateTakedownDto {
  @ApiProperty({ enum: TAKEDOWN_KINDS, example: 'messenger_chat' })
  @IsIn(TAKEDOWN_KINDS)
  kind!: TakedownKind;

  @ApiProperty({ type: TakedownIdentifierDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TakedownIdentifierDto)
  identifier!: TakedownIdentifierDto;

  @ApiProperty({ example: 'Telegram', description: 'Platform, telecom operator or bank' })
  @IsString()
  @Length(1, 200)
  platform!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-02T10:00:00+05:00',
    description: 'When the request was sent (default: now)',
  })
  @IsOptional()
  @IsNotInFuture()
  requestedAt?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class TakedownOutcomeDto {
  @ApiProperty({ enum: TAKEDOWN_OUTCOMES, example: 'blocked' })
  @IsIn(TAKEDOWN_OUTCOMES)
  outcome!: TakedownOutcome;

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-03T12:00:00+05:00',
    description: 'Not before requestedAt, not in the future',
  })
  @IsNotInFuture()
  at!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListTakedownsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: TAKEDOWN_STATUSES })
  @IsOptional()
  @IsIn(TAKEDOWN_STATUSES)
  status?: TakedownStatus;

  @ApiPropertyOptional({ enum: TAKEDOWN_KINDS })
  @IsOptional()
  @IsIn(TAKEDOWN_KINDS)
  kind?: TakedownKind;

  @ApiPropertyOptional({ enum: REGIONS, description: "The case's region" })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}

export class TakedownIdentifierView {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty({ description: 'Normalised; cards and phones masked' })
  value!: string;
}

export class TakedownView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'CY-2026-000042' })
  caseNumber!: string;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty({ enum: TAKEDOWN_KINDS })
  kind!: TakedownKind;

  @ApiProperty({ type: TakedownIdentifierView })
  identifier!: TakedownIdentifierView;

  @ApiProperty()
  platform!: string;

  @ApiProperty({ enum: TAKEDOWN_STATUSES })
  status!: TakedownStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'uuid' })
  requestedBy!: string;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  outcomeAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  outcomeBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  outcomeNote!: string | null;
}

export class TakedownPage {
  @ApiProperty({ type: [TakedownView] })
  items!: TakedownView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
