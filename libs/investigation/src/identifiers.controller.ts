import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { normalizeReference } from '@app/reports';
import {
  IdentifierLookupDto,
  IdentifierLookupQueryDto,
  TopIdentifiersDto,
  TopIdentifiersQueryDto,
} from './dtos/identifiers.dto';
import { StaffReportDto } from './dtos/staff-report.dto';
import { IdentifiersService } from './identifiers/identifiers.service';
import { StaffReportsService } from './reports/staff-reports.service';

@ApiTags('identifiers')
@Controller('identifiers')
@Auth()
export class IdentifiersController {
  constructor(private readonly identifiers: IdentifiersService) {}

  @Get()
  @ApiOperation({ summary: 'Reports and cases sharing a suspect identifier (any format)' })
  @ApiOkResponse({ type: IdentifierLookupDto })
  @ApiProblems(400)
  lookup(
    @Query() query: IdentifierLookupQueryDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<IdentifierLookupDto> {
    return this.identifiers.lookup(user, query.value);
  }

  @Get('top')
  @ApiOperation({ summary: 'Identifiers ranked by victims or damage in a period' })
  @ApiOkResponse({ type: TopIdentifiersDto })
  @ApiProblems(400)
  top(
    @Query() query: TopIdentifiersQueryDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<TopIdentifiersDto> {
    return this.identifiers.top(user, query);
  }
}

/** The staff view of one report; the citizen routes live in libs/reports. */
@ApiTags('reports (staff)')
@Controller('reports')
@Auth()
export class StaffReportsController {
  constructor(private readonly reports: StaffReportsService) {}

  @Get(':reference')
  @ApiOperation({ summary: 'The full report, personal data decrypted (audited)' })
  @ApiOkResponse({ type: StaffReportDto })
  @ApiProblems(404)
  get(
    @Param('reference', new PathIdPipe('Report', normalizeReference)) reference: string,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<StaffReportDto> {
    return this.reports.get(user, reference);
  }
}
