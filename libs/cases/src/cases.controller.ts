import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, CursorPageQuery, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import {
  AddNoteDto,
  AssignCaseDto,
  MergeCaseDto,
  RecordOffendersDto,
  TransitionCaseDto,
} from './dtos/case-commands.dto';
import { ListCasesQueryDto } from './dtos/case-queue.dto';
import {
  CaseListDto,
  CaseSummaryDto,
  NoteCreatedDto,
  OffenderRecordDto,
  TimelineDto,
} from './dtos/case-responses.dto';
import { CaseMergeService } from './merge/case-merge.service';
import { CaseQueueService } from './queue/case-queue.service';
import { CaseRecordsService } from './workflow/case-records.service';
import { CaseWorkflowService } from './workflow/case-workflow.service';

/** A malformed case id is a 404, like an unknown one (docs/development.md, "Errors"). */
const CaseId = () => Param('id', new PathIdPipe('Case'));

/** The investigator queue and the case workflow (docs/review.md). */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queue: CaseQueueService,
    private readonly workflow: CaseWorkflowService,
    private readonly records: CaseRecordsService,
    private readonly merges: CaseMergeService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The queue: most urgent first, then oldest; cursor pagination' })
  @ApiOkResponse({ type: CaseListDto })
  @ApiProblems(400)
  list(@Query() query: ListCasesQueryDto, @CurrentUser() user: StaffPrincipal) {
    return this.queue.list(user, query);
  }

  // Declared before `:id/claim` so that `next` is never taken for an id.
  @Post('next/claim')
  @Auth('investigator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the most urgent unassigned case of your region' })
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiNoContentResponse({ description: 'The queue is empty' })
  @ApiProblems(409)
  async claimNext(
    @CurrentUser() user: StaffPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseSummaryDto | undefined> {
    const claimed = await this.workflow.claimNext(user);
    if (claimed === null) {
      res.status(204);
      return undefined;
    }
    return claimed;
  }

  @Get(':id/timeline')
  @Auth()
  @ApiOperation({
    summary: 'Audit trail, including the history of cases merged into it; cursor pagination',
  })
  @ApiOkResponse({ type: TimelineDto })
  @ApiProblems(400, 404)
  timeline(
    @CaseId() id: string,
    @Query() query: CursorPageQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<TimelineDto> {
    return this.queue.timeline(user, id, query);
  }

  @Post(':id/claim')
  @Auth('investigator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an unassigned case' })
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiProblems(404, [409, 'Someone else holds it, or it is closed'])
  claim(@CaseId() id: string, @CurrentUser() user: StaffPrincipal): Promise<CaseSummaryDto> {
    return this.workflow.claim(user, id);
  }

  @Post(':id/assign')
  @Auth('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the case to an active investigator of its region' })
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiProblems(400, 404, 409)
  assign(
    @CaseId() id: string,
    @Body() dto: AssignCaseDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<CaseSummaryDto> {
    return this.workflow.assign(user, id, dto);
  }

  @Post(':id/transition')
  @Auth('investigator', 'supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the case along the transition table' })
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiProblems(400, 404, [409, 'Not in the transition table; `allowed` lists targets'])
  transition(
    @CaseId() id: string,
    @Body() dto: TransitionCaseDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<CaseSummaryDto> {
    return this.workflow.transition(user, id, dto);
  }

  // Admins manage accounts and watch the queues; notes are case work (DESIGN.md "Who uses it").
  @Post(':id/notes')
  @Auth('investigator', 'supervisor')
  @ApiOperation({ summary: 'Internal note (never shown to the citizen)' })
  @ApiCreatedResponse({ type: NoteCreatedDto })
  @ApiProblems(400, 404, 409)
  addNote(
    @CaseId() id: string,
    @Body() dto: AddNoteDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<NoteCreatedDto> {
    return this.records.addNote(user, id, dto);
  }

  @Post(':id/offenders')
  @Auth('investigator')
  @ApiOperation({ summary: 'Record detained offenders (1–100 per record)' })
  @ApiCreatedResponse({ type: OffenderRecordDto })
  @ApiProblems(400, 404, [
    409,
    'offenders-not-allowed: the case is closed or referred; case-merged',
  ])
  recordOffenders(
    @CaseId() id: string,
    @Body() dto: RecordOffendersDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<OffenderRecordDto> {
    return this.records.recordOffenders(user, id, dto);
  }

  @Post(':id/merge')
  @Auth('supervisor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a duplicate case into this one' })
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiProblems(400, 404, 409)
  merge(
    @CaseId() id: string,
    @Body() dto: MergeCaseDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<CaseSummaryDto> {
    return this.merges.merge(user, id, dto);
  }
}
