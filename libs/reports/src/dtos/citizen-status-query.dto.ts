import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LANGUAGES } from '@app/common';
import type { Language } from '@app/common';

/** `GET /reports/{reference}/status?lang=`: the language of the messages. */
export class CitizenStatusQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "language of the timeline messages; default: the report's language",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
