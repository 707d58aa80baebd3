import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { VictimReportPageDto, VictimSearchQueryDto } from '../dtos/victim-search.dto';
import { VictimSearchService } from './victim-search.service';

/** Staff search for a victim's reports by phone or IIN (docs/review.md, "Victim search"). */
@ApiTags('reports (staff)')
@Controller('victims')
@Auth()
export class VictimsController {
  constructor(private readonly victims: VictimSearchService) {}

  @Get()
  @ApiOperation({
    summary: 'The reports of one person, by phone or IIN (exact), newest first; cursor pagination',
  })
  @ApiOkResponse({ type: VictimReportPageDto })
  @ApiProblems(400)
  search(
    @Query() query: VictimSearchQueryDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<VictimReportPageDto> {
    return this.victims.search(user, query);
  }
}
