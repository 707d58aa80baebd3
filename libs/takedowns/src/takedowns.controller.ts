import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import {
  CreateTakedownDto,
  ListTakedownsQuery,
  TakedownOutcomeDto,
  TakedownPage,
  TakedownView,
} from './takedowns.dto';
import { TakedownsService } from './takedowns.service';

/** Case work: investigators and supervisors of the case's region (admins manage accounts). */
const CASE_WORKERS = ['investigator', 'supervisor'] as const;

/** Takedown requests and their outcomes (docs/takedowns.md). */
@ApiTags('takedowns')
@Controller()
export class TakedownsController {
  constructor(private readonly takedowns: TakedownsService) {}

  @Post('cases/:id/takedowns')
  @Auth(...CASE_WORKERS)
  @ApiOperation({ summary: 'Request a takedown of a suspect identifier of the case' })
  @ApiCreatedResponse({ type: TakedownView })
  @ApiProblems(400, 404, [409, 'case-merged: the case was merged into another one'])
  create(
    @Param('id', new PathIdPipe('Case')) id: string,
    @Body() dto: CreateTakedownDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<TakedownView> {
    return this.takedowns.create(user, id, dto);
  }

  @Post('takedowns/:id/outcome')
  @Auth(...CASE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the outcome of a takedown (once)' })
  @ApiOkResponse({ type: TakedownView })
  @ApiProblems(400, 404, [409, 'outcome-already-recorded'])
  recordOutcome(
    @Param('id', new PathIdPipe('Takedown')) id: string,
    @Body() dto: TakedownOutcomeDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<TakedownView> {
    return this.takedowns.recordOutcome(user, id, dto);
  }

  @Get('takedowns')
  @Auth()
  @ApiOperation({ summary: 'Takedowns of the caller’s region, newest first' })
  @ApiOkResponse({ type: TakedownPage })
  @ApiProblems([400, 'A bad filter or cursor'])
  list(
    @Query() query: ListTakedownsQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<TakedownPage> {
    return this.takedowns.list(user, query);
  }
}
