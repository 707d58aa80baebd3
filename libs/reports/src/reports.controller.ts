import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Post,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, BadRequestProblem } from '@app/common';
import { RateLimit } from '@app/identity';
import { CitizenReport, CitizenReportRef } from './citizen/citizen-access';
import { CitizenAccessGuard } from './citizen/citizen-access.guard';
import { EvidenceService } from './citizen/evidence.service';
import type { ReceivedEvidence } from './citizen/evidence-storage';
import { EvidenceUploadInterceptor } from './citizen/evidence-upload.interceptor';
import { StatementService } from './citizen/statement.service';
import { CreateReportDto } from './dtos/create-report.dto';
import { CreateStatementDto } from './dtos/create-statement.dto';
import {
  EvidenceCreatedDto,
  StatementCreatedDto,
  SubmittedReportDto,
} from './dtos/report-responses.dto';
import { ReportIntakeService } from './intake/report-intake.service';
import { CREATE_REPORT_EXAMPLES, REFERENCE_PARAM } from './reports.openapi';

// Visible ASCII, as clients send UUIDs or similar opaque tokens.
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new BadRequestProblem('Invalid Idempotency-Key header', [
      { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  return header;
}

/** The citizen side: file a report, then check it and add to it with the access code. */
@ApiTags('reports (citizen)')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly intake: ReportIntakeService,
    private readonly evidence: EvidenceService,
    private readonly statements: StatementService,
  ) {}

  @Post()
  @HttpCode(202)
  @RateLimit('public')
  @ApiOperation({ summary: 'File a fraud report; the access code is shown only once' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key and body answers the first report again',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, maxLength: 200 },
  })
  @ApiBody({ type: CreateReportDto, examples: CREATE_REPORT_EXAMPLES })
  @ApiResponse({
    status: 202,
    type: SubmittedReportDto,
    headers: {
      'Idempotent-Replayed': {
        description: '`true` when an Idempotency-Key replay answered the first report',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiProblems(
    400,
    [409, 'idempotency-key-expired: the key filed a report before the replay window'],
    [422, 'idempotency-key-reused: the key filed a report with a different body'],
  )
  async submit(
    @Body() dto: CreateReportDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmittedReportDto> {
    const result = await this.intake.submit(dto, idempotencyKeyOf(idempotencyKey));
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Post(':reference/evidence')
  @RateLimit('public', 'reference')
  @UseGuards(CitizenAccessGuard)
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    summary: 'Add an image or PDF (≤ 10 MB); streamed to disk, type judged by its bytes',
  })
  @ApiSecurity('access-code')
  @ApiParam(REFERENCE_PARAM)
  @ApiOperation({ summary: 'Upload evidence (image or PDF, at most 10 MB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({ status: 201, type: EvidenceCreatedDto })
  @ApiProblems(
    400,
    [404, 'Unknown reference or wrong access code'],
    [409, 'evidence-limit: the report holds its most files'],
    [413, 'payload-too-large (file over 10 MB) or evidence-quota-exceeded (report quota)'],
    [415, 'not a JPEG, PNG, GIF, WebP, HEIC/HEIF or PDF'],
    [429, 'upload-budget-exceeded: the hourly evidence bytes of this IP; Retry-After'],
  )
  uploadEvidence(
    @CitizenReport() report: CitizenReportRef,
    @UploadedFile() file: ReceivedEvidence | undefined,
  ): Promise<EvidenceCreatedDto> {
    return this.evidence.store(report.id, file);
  }

  @Post(':reference/statements')
  @RateLimit('public', 'reference')
  @UseGuards(CitizenAccessGuard)
  @ApiSecurity('access-code')
  @ApiParam(REFERENCE_PARAM)
  @ApiOperation({ summary: 'Add information later: text, transactions, suspects' })
  @ApiResponse({ status: 201, type: StatementCreatedDto })
  @ApiProblems(
    400,
    [404, 'Unknown reference or wrong access code'],
    [409, 'transaction-limit: the report would hold more than 1,000 transactions'],
  )
  addStatement(
    @CitizenReport() report: CitizenReportRef,
    @Body() dto: CreateStatementDto,
  ): Promise<StatementCreatedDto> {
    return this.statements.add(report.id, dto);
  }
}
