import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AGE_GROUPS,
  CHANNELS,
  FRAUD_TYPES,
  IsIin,
  IsKzPhone,
  IsMoneyAmount,
  IsNotInFuture,
  LANGUAGES,
  MONEY_INPUT_PATTERN,
  NOTIFY_CHOICES,
  REGIONS,
} from '@app/common';
import type { AgeGroup, Channel, FraudType, Language, NotifyChoice, Region } from '@app/common';
import { OptionalPartList, SuspectDto, TransactionDto } from './report-parts.dto';
import {
  IsNotBeforeEarliest,
  IsPlainText,
  NotifyHasContact,
  OnlyForFraudType,
} from './report-validators';

export class ReporterDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  @IsPlainText()
  fullName!: string;

  @ApiPropertyOptional({
    type: String,
    pattern: '^[0-9]{12}$',
    description: '12 digits with a valid control digit',
  })
  @IsOptional()
  @IsIin()
  iin?: string | null;

  @ApiProperty({ example: '8 701 123 45 67', description: 'normalised to +7XXXXXXXXXX' })
  @IsKzPhone()
  phone!: string;

  @ApiPropertyOptional({ type: String, format: 'email', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region!: Region;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'ru' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language | null;

  @ApiPropertyOptional({ enum: AGE_GROUPS, default: 'adult' })
  @IsOptional()
  @IsIn(AGE_GROUPS)
  ageGroup?: AgeGroup | null;

  @ApiPropertyOptional({
    enum: NOTIFY_CHOICES,
    description:
      'how the reporter is told of progress (docs/notices.md); default `email` when an email is ' +
      'given, else `none`. `email`/`both` need `email`, `sms`/`both` need `phone`',
  })
  @IsOptional()
  @IsIn(NOTIFY_CHOICES)
  @NotifyHasContact()
  notify?: NotifyChoice | null;
}

export class IncidentDto {
  @ApiProperty({ enum: FRAUD_TYPES })
  @IsIn(FRAUD_TYPES)
  fraudType!: FraudType;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T14:30:00+05:00' })
  @IsNotInFuture()
  @IsNotBeforeEarliest()
  occurredAt!: string;

  @ApiProperty({ minLength: 20, maxLength: 5000 })
  @IsString()
  @Length(20, 5000)
  @IsPlainText({ multiline: true })
  description!: string;
}

export class LoanDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  lender!: string;

  @ApiPropertyOptional({ type: String, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsPlainText()
  contractNumber?: string | null;

  @ApiProperty({ pattern: MONEY_INPUT_PATTERN, example: '500000.00' })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ format: 'date-time', example: '2024-05-01T14:30:00+05:00' })
  @IsNotInFuture()
  @IsNotBeforeEarliest()
  issuedAt!: string;
}

/** `POST /api/v1/reports`. Nested objects are checked to be objects, lists to hold objects. */
export class CreateReportDto {
  @ApiProperty({ type: ReporterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;

  @ApiProperty({ type: IncidentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentDto)
  incident!: IncidentDto;

  @OptionalPartList(TransactionDto)
  transactions?: TransactionDto[] | null;

  @OptionalPartList(SuspectDto)
  suspects?: SuspectDto[] | null;

  @ApiPropertyOptional({ type: LoanDto, description: 'only for fraudType fake_loan' })
  @OnlyForFraudType('fake_loan')
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LoanDto)
  loan?: LoanDto | null;

  @ApiProperty({ type: Boolean, enum: [true], description: 'consent to personal-data processing' })
  @Equals(true, { message: 'consent must be true (consent to personal-data processing)' })
  consent!: true;
}
