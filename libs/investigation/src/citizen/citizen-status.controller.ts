import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { RateLimit } from '@app/identity';
import {
  CitizenAccessGuard,
  CitizenReport,
  CitizenStatusQueryDto,
  REFERENCE_PARAM,
  ReportStatusDto,
} from '@app/reports';
import type { CitizenReportRef } from '@app/reports';
import { ReportStatusService } from './report-status.service';

/**
 * `GET /reports/{reference}/status`, moved out of `ReportsController` (libs/reports) with the
 * same guard, rate limit and tag. The operation id stays the one Nest generated there.
 */
@ApiTags('reports (citizen)')
@Controller('reports')
export class CitizenStatusController {
  constructor(private readonly statusService: ReportStatusService) {}

  @Get(':reference/status')
  @RateLimit('public', 'reference')
  @UseGuards(CitizenAccessGuard)
  @ApiSecurity('access-code')
  @ApiParam(REFERENCE_PARAM)
  @ApiOperation({
    operationId: 'ReportsController_status',
    summary: 'The citizen view of a report: status, timeline, money, statements and files',
    description:
      "Timeline messages are in the report's language unless `lang` asks for another; " +
      'each entry also carries a stable `code` (docs/intake.md lists them).',
  })
  @ApiResponse({ status: 200, type: ReportStatusDto })
  @ApiProblems(
    [400, 'lang is not one of kk, ru, en'],
    [404, 'Unknown reference or wrong access code (one answer for both)'],
  )
  status(
    @CitizenReport() report: CitizenReportRef,
    @Query() query: CitizenStatusQueryDto,
  ): Promise<ReportStatusDto> {
    return this.statusService.status(report.id, query.lang);
  }
}
