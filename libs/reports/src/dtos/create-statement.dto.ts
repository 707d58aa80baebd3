import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { OptionalPartList, SuspectDto, TransactionDto } from './report-parts.dto';
import { IsPlainText } from './report-validators';

/** `POST /api/v1/reports/{reference}/statements`: at least one part must be non-empty. */
export class CreateStatementDto {
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @IsPlainText({ multiline: true })
  text?: string | null;

  @OptionalPartList(TransactionDto)
  transactions?: TransactionDto[] | null;

  @OptionalPartList(SuspectDto)
  suspects?: SuspectDto[] | null;
}
