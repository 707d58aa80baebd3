import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsAccountRef,
  IsMoneyAmount,
  IsNotInFuture,
  MONEY_INPUT_PATTERN,
  PAYMENT_METHODS,
  SUSPECT_TYPES,
} from '@app/common';
import type { PaymentMethod, SuspectType } from '@app/common';
import { IsNotBeforeEarliest, IsPlainText, IsSuspectValue } from './report-validators';

/** Items per list in a report or statement. */
export const MAX_LIST_ITEMS = 50;

/** One payment to the fraudster; shared by reports and statements. */
export class TransactionDto {
  @ApiProperty({ format: 'date-time', example: '2024-05-01T14:30:00+05:00' })
  @IsNotInFuture()
  @IsNotBeforeEarliest()
  paidAt!: string;

  @ApiProperty({
    pattern: MONEY_INPUT_PATTERN,
    example: '150000.00',
    description: 'KZT, > 0, at most two decimals',
  })
  @IsMoneyAmount()
  amount!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  fromBank?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  toBank?: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'IBAN, card number (Luhn) or Kazakhstan phone',
  })
  @IsOptional()
  @IsAccountRef()
  toAccount?: string | null;
}

/** An identifier of the fraudster; shared by reports and statements. */
export class SuspectDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  @IsIn(SUSPECT_TYPES)
  type!: SuspectType;

  @ApiProperty({ maxLength: 500, example: '+7 701 123 45 67' })
  @IsString()
  @Length(1, 500)
  @IsSuspectValue()
  value!: string;
}

/** An optional list of 0–50 nested parts (payments or suspects), each validated as `type`. */
export function OptionalPartList(
  type: typeof TransactionDto | typeof SuspectDto,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [type], maxItems: MAX_LIST_ITEMS }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_LIST_ITEMS),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => type),
  );
}
