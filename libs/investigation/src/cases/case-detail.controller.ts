import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CursorPageQuery, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { CaseDetailDto, CaseReportPageDto } from '../dtos/case-detail.dto';
import { CaseDetailService } from './case-detail.service';
import { CaseReportsService } from './case-reports.service';

/** A malformed case id is a 404, like an unknown one (docs/development.md, "Errors"). */
const CaseId = () => Param('id', new PathIdPipe('Case'));

/**
 * `GET /cases/{id}`, moved out of `CasesController` (libs/cases): the operation id stays the one
 * Nest generated there, so the OpenAPI document and generated clients do not change.
 */
@ApiTags('cases')
@Controller('cases')
export class CaseDetailController {
  constructor(
    private readonly details: CaseDetailService,
    private readonly reports: CaseReportsService,
  ) {}

  @Get(':id')
  @Auth()
  @ApiOperation({
    operationId: 'CasesController_get',
    summary: 'A case with its first 50 reports, its identifiers and funds',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiProblems(404)
  get(@CaseId() id: string, @CurrentUser() user: StaffPrincipal): Promise<CaseDetailDto> {
    return this.details.detail(user, id);
  }

  @Get(':id/reports')
  @Auth()
  @ApiOperation({ summary: 'All reports of the case, oldest first; cursor pagination' })
  @ApiOkResponse({ type: CaseReportPageDto })
  @ApiProblems(400, 404)
  listReports(
    @CaseId() id: string,
    @Query() query: CursorPageQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<CaseReportPageDto> {
    return this.reports.page(user, id, query);
  }
}
