import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser, StaffPrincipal } from '@app/identity';
import { FreezeRequestsService } from './freeze-requests/freeze-requests.service';
import {
  FreezeRequestListView,
  FreezeRequestView,
  ListFreezeRequestsQuery,
} from './freeze-requests/freeze-requests.dto';
import {
  CreateFreezeDto,
  CreateReleaseDto,
  ExtendFreezeDto,
  FreezeListView,
  FreezeView,
  ListFreezesQuery,
  ReleaseView,
} from './freezes/freezes.dto';
import { FreezesService } from './freezes/freezes.service';
import { ReleasesService } from './freezes/releases.service';
import {
  CreateReimbursementDto,
  ReasonDto,
  ReimbursementView,
} from './reimbursements/reimbursements.dto';
import { ReimbursementsService } from './reimbursements/reimbursements.service';
import { CaseFundsView } from './summary/funds-summary.dto';
import { FundsSummaryService } from './summary/funds-summary.service';
import { FREEZE_EXAMPLES, REIMBURSEMENT_EXAMPLES } from './funds.openapi';

// A malformed id is a 404, like an unknown one (docs/development.md, "Errors").
const CaseId = () => Param('id', new PathIdPipe('Case'));
const FreezeId = () => Param('id', new PathIdPipe('Freeze'));
const FreezeRequestId = () => Param('id', new PathIdPipe('Freeze request'));
const ReimbursementId = () => Param('id', new PathIdPipe('Reimbursement'));

const INVARIANT_409 = 'Would break a ledger invariant; nothing was written';

/**
 * Who records money (docs/contract.md: investigators record frozen funds and reimbursements, supervisors
 * oversee); reads stay open to all staff. Both region-scoped in the services.
 */
const FUNDS_WRITERS = ['investigator', 'supervisor'] as const;

/** Money of one case: record freezes and reimbursements, read the case's funds. */
@ApiTags('funds')
@Auth()
@Controller('cases/:id')
export class CaseFundsController {
  constructor(
    private readonly freezes: FreezesService,
    private readonly reimbursements: ReimbursementsService,
    private readonly summary: FundsSummaryService,
  ) {}

  @Post('freezes')
  @Auth(...FUNDS_WRITERS)
  @ApiOperation({ summary: 'Record money frozen at a bank' })
  @ApiBody({ type: CreateFreezeDto, examples: FREEZE_EXAMPLES })
  @ApiCreatedResponse({ type: FreezeView })
  @ApiProblems(400, 404, [409, INVARIANT_409])
  createFreeze(
    @CaseId() id: string,
    @Body() dto: CreateFreezeDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<FreezeView> {
    return this.freezes.create(id, dto, user);
  }

  @Post('reimbursements')
  @Auth(...FUNDS_WRITERS)
  @ApiOperation({ summary: 'Record money paid back to a victim' })
  @ApiBody({ type: CreateReimbursementDto, examples: REIMBURSEMENT_EXAMPLES })
  @ApiCreatedResponse({ type: ReimbursementView })
  @ApiProblems(400, 404, [409, INVARIANT_409])
  createReimbursement(
    @CaseId() id: string,
    @Body() dto: CreateReimbursementDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<ReimbursementView> {
    return this.reimbursements.create(id, dto, user);
  }

  @Get('funds')
  @ApiOperation({ summary: 'Frozen, released, reimbursed (net) and outstanding loss' })
  @ApiOkResponse({ type: CaseFundsView })
  @ApiProblems(404)
  funds(@CaseId() id: string, @CurrentUser() user: StaffPrincipal): Promise<CaseFundsView> {
    return this.summary.forCase(id, user);
  }
}

@ApiTags('funds')
@Auth()
@Controller('freezes')
export class FreezesController {
  constructor(
    private readonly freezes: FreezesService,
    private readonly releases: ReleasesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Freezes of your region; expiringWithinDays for the queue warning' })
  @ApiOkResponse({ type: FreezeListView })
  @ApiProblems(400)
  list(
    @Query() query: ListFreezesQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<FreezeListView> {
    return this.freezes.list(query, user);
  }

  @Post(':id/extend')
  @Auth(...FUNDS_WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend the blocking period once, with a sanction reference' })
  @ApiOkResponse({ type: FreezeView })
  @ApiProblems(400, 404, [409, 'Already extended, or nothing left frozen'])
  extend(
    @FreezeId() id: string,
    @Body() dto: ExtendFreezeDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<FreezeView> {
    return this.freezes.extend(id, dto, user);
  }

  @Post(':id/releases')
  @Auth(...FUNDS_WRITERS)
  @ApiOperation({ summary: 'Release frozen money to a victim (a reimbursement) or the holder' })
  @ApiCreatedResponse({ type: ReleaseView })
  @ApiProblems(400, 404, [409, INVARIANT_409])
  release(
    @FreezeId() id: string,
    @Body() dto: CreateReleaseDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<ReleaseView> {
    return this.releases.release(id, dto, user);
  }
}

@ApiTags('funds')
@Auth()
@Controller()
export class FundsRecordsController {
  constructor(
    private readonly requests: FreezeRequestsService,
    private readonly reimbursements: ReimbursementsService,
  ) {}

  @Get('freeze-requests')
  @ApiOperation({ summary: 'Freeze requests from P1 triage (pending by default)' })
  @ApiOkResponse({ type: FreezeRequestListView })
  @ApiProblems(400)
  listRequests(
    @Query() query: ListFreezeRequestsQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<FreezeRequestListView> {
    return this.requests.list(query, user);
  }

  @Post('freeze-requests/:id/dismiss')
  @Auth(...FUNDS_WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a pending freeze request' })
  @ApiOkResponse({ type: FreezeRequestView })
  @ApiProblems(400, 404, [409, 'Not pending any more'])
  dismiss(
    @FreezeRequestId() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<FreezeRequestView> {
    return this.requests.dismiss(id, dto.reason, user);
  }

  @Post('reimbursements/:id/reverse')
  @Auth(...FUNDS_WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse a reimbursement (corrections are never edits)' })
  @ApiOkResponse({ type: ReimbursementView })
  @ApiProblems(400, 404, [409, 'Already reversed, or the reversal would break an invariant'])
  reverse(
    @ReimbursementId() id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<ReimbursementView> {
    return this.reimbursements.reverse(id, dto.reason, user);
  }
}
