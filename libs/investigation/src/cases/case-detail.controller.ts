import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { CaseDetailDto } from '../dtos/case-detail.dto';
import { CaseDetailService } from './case-detail.service';

/** A malformed case id is a 404, like an unknown one (docs/development.md, "Errors"). */
const CaseId = () => Param('id', new PathIdPipe('Case'));

/**
 * `GET /cases/{id}`, moved out of `CasesController` (libs/cases): the operation id stays the one
 * Nest generated there, so the OpenAPI document and generated clients do not change.
 */
@ApiTags('cases')
@Controller('cases')
export class CaseDetailController {
  constructor(private readonly details: CaseDetailService) {}

  @Get(':id')
  @Auth()
  @ApiOperation({
    operationId: 'CasesController_get',
    summary: 'A case with its reports, identifiers and funds',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiProblems(404)
  get(@CaseId() id: string, @CurrentUser() user: StaffPrincipal): Promise<CaseDetailDto> {
    return this.details.detail(user, id);
  }
}
