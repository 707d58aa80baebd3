import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '@app/identity';
import { CitizenAccessGuard, CitizenReport, ReportStatusDto } from '@app/reports';
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
  // `summary: undefined` keeps ApiOperation from adding its default empty summary.
  @ApiOperation({ operationId: 'ReportsController_status', summary: undefined })
  @ApiResponse({ status: 200, type: ReportStatusDto })
  status(@CitizenReport() report: CitizenReportRef): Promise<ReportStatusDto> {
    return this.statusService.status(report.id);
  }
}
