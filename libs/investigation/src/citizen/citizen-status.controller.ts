import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { RateLimit } from '@app/identity';
import { CitizenAccessGuard, CitizenReport, REFERENCE_PARAM, ReportStatusDto } from '@app/reports';
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
    summary: 'The citizen view of a report: status, timeline, money',
  })
  @ApiResponse({ status: 200, type: ReportStatusDto })
  @ApiProblems([404, 'Unknown reference or wrong access code (one answer for both)'])
  status(@CitizenReport() report: CitizenReportRef): Promise<ReportStatusDto> {
    return this.statusService.status(report.id);
  }
}
