import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { RateLimit } from '@app/identity';
import { LookupAnswerDto, LookupQueryDto } from './lookup.dto';
import { LookupService } from './lookup.service';

@ApiTags('lookup (public)')
@Controller('lookup')
export class LookupController {
  constructor(private readonly lookups: LookupService) {}

  @Get()
  @RateLimit('lookup')
  @ApiOperation({
    summary: 'Check a phone, card, IBAN, link, handle, e-mail or wallet before paying',
    description:
      'How many distinct reports name the identifier, as a bucket; the month of the latest from `several` on; whether a takedown blocked it. Nothing else about reports, cases or victims.',
  })
  @ApiOkResponse({ type: LookupAnswerDto })
  @ApiProblems([400, 'Unknown type, or a value that cannot be of that type (`errors[]`)'])
  lookup(@Query() query: LookupQueryDto): Promise<LookupAnswerDto> {
    return this.lookups.lookup(query.type, query.value);
  }
}
