import { Body, Controller, Delete, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CASE_FLAGS, NotFoundProblem, PathIdPipe } from '@app/common';
import type { CaseFlagName } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { CaseFlagDto, SetCaseFlagDto } from './case-flags.dto';
import { CaseFlagsService } from './case-flags.service';

const CaseId = () => Param('id', new PathIdPipe('Case'));

/** Case flags: staff of the case's region set one; a supervisor withdraws it (docs/review.md). */
@ApiTags('cases')
@Controller('cases/:id/flags')
export class CaseFlagsController {
  constructor(private readonly flags: CaseFlagsService) {}

  @Post()
  @Auth('investigator', 'supervisor')
  @ApiOperation({ summary: 'Flag a case (financial_pyramid)' })
  @ApiCreatedResponse({ type: CaseFlagDto })
  @ApiProblems(400, 404, [409, 'flag-already-set, or case-merged: the case was merged away'])
  set(
    @CaseId() id: string,
    @Body() dto: SetCaseFlagDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<CaseFlagDto> {
    return this.flags.set(user, id, dto.flag);
  }

  @Delete(':flag')
  @Auth('supervisor')
  @HttpCode(204)
  @ApiOperation({ summary: "Withdraw a case's flag (removes it from every period's figure)" })
  @ApiParam({ name: 'flag', enum: CASE_FLAGS })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiProblems([404, 'No such case, or the flag is not standing'])
  async withdraw(
    @CaseId() id: string,
    @Param(
      'flag',
      new ParseEnumPipe(Object.fromEntries(CASE_FLAGS.map((f) => [f, f])), {
        exceptionFactory: () => new NotFoundProblem('Flag'),
      }),
    )
    flag: CaseFlagName,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<void> {
    await this.flags.withdraw(user, id, flag);
  }
}
