import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { MAX_LIST_ITEMS, SuspectDto, TransactionDto } from './report-parts.dto';
import { IsPlainText } from './report-validators';

/** `POST /api/v1/reports/{reference}/statements`: at least one part must be non-empty. */
export class CreateStatementDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @IsPlainText({ multiline: true })
  text?: string | null;

  @ApiPropertyOptional({ type: [TransactionDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TransactionDto)
  transactions?: TransactionDto[] | null;

  @ApiPropertyOptional({ type: [SuspectDto], maxItems: MAX_LIST_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_ITEMS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SuspectDto)
  suspects?: SuspectDto[] | null;
}
