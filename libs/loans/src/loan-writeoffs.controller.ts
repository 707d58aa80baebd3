import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import type { LetterLanguage } from './loan-letter';
import { LoanLetterService } from './loan-letter.service';
import {
  CreateLoanWriteoffDto,
  ListLoanWriteoffsQuery,
  LoanWriteoffOutcomeDto,
  LoanWriteoffPage,
  LoanWriteoffView,
} from './loan-writeoffs.dto';
import { LoanWriteoffsService } from './loan-writeoffs.service';

const CASE_WORKERS = ['investigator', 'supervisor'] as const;
const WriteoffId = () => Param('id', new PathIdPipe('Loan write-off'));

export class LetterQuery {
  @IsOptional()
  @IsIn(['ru', 'kk'])
  lang?: LetterLanguage;
}

/** Loan write-offs and the letter to the lender (docs/takedowns.md). */
@ApiTags('loan-writeoffs')
@Controller()
export class LoanWriteoffsController {
  constructor(
    private readonly writeoffs: LoanWriteoffsService,
    private readonly letters: LoanLetterService,
  ) {}

  @Post('reports/:reference/loan-writeoffs')
  @Auth(...CASE_WORKERS)
  @ApiOperation({ summary: 'Ask the lender to write off a loan taken in the victim’s name' })
  @ApiCreatedResponse({ type: LoanWriteoffView })
  @ApiProblems(400, 404, [
    409,
    'report-not-fake-loan, report-not-triaged, writeoff-exists or case-merged',
  ])
  create(
    @Param('reference') reference: string,
    @Body() dto: CreateLoanWriteoffDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<LoanWriteoffView> {
    return this.writeoffs.create(user, reference, dto);
  }

  @Post('loan-writeoffs/:id/outcome')
  @Auth(...CASE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the lender’s answer (once)' })
  @ApiOkResponse({ type: LoanWriteoffView })
  @ApiProblems(400, 404, [409, 'outcome-already-recorded or writeoff-exceeds-requested'])
  recordOutcome(
    @WriteoffId() id: string,
    @Body() dto: LoanWriteoffOutcomeDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<LoanWriteoffView> {
    return this.writeoffs.recordOutcome(user, id, dto);
  }

  @Get('loan-writeoffs')
  @Auth()
  @ApiOperation({ summary: 'Loan write-offs of the caller’s region, newest first' })
  @ApiOkResponse({ type: LoanWriteoffPage })
  @ApiProblems([400, 'A bad filter or cursor'])
  list(
    @Query() query: ListLoanWriteoffsQuery,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<LoanWriteoffPage> {
    return this.writeoffs.list(user, query);
  }

  @Get('loan-writeoffs/:id/letter.pdf')
  @Auth(...CASE_WORKERS)
  @ApiOperation({ summary: 'The police letter to the lender (PDF, Russian or Kazakh)' })
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'lang', enum: ['ru', 'kk'], required: false })
  @ApiOkResponse({
    description: 'The letter',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 404)
  async letter(
    @WriteoffId() id: string,
    @Query() query: LetterQuery,
    @CurrentUser() user: StaffPrincipal,
    @Res() res: Response,
  ): Promise<void> {
    const { pdf, fileName } = await this.letters.render(user, id, query.lang);
    // It names the victim: never cached (DESIGN: personal data is no-store).
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }
}
