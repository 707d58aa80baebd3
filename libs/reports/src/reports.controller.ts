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
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { BadRequestProblem } from '@app/common';
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 202, type: SubmittedReportDto })
  @ApiResponse({
    status: 409,
    description: 'idempotency-key-expired: the key filed a report before the replay window',
  })
  @ApiResponse({
    status: 422,
    description: 'idempotency-key-reused: the key filed a report with a different body',
  })
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
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 201, type: EvidenceCreatedDto })
  @ApiResponse({ status: 409, description: 'evidence-limit: the report holds its most files' })
  @ApiResponse({
    status: 413,
    description: 'payload-too-large (file over 10 MB) or evidence-quota-exceeded (report quota)',
  })
  @ApiResponse({ status: 415, description: 'not a JPEG, PNG, GIF, WebP, HEIC/HEIF or PDF' })
  @ApiResponse({
    status: 429,
    description: 'upload-budget-exceeded: the hourly evidence bytes of this IP; Retry-After',
  })
  @ApiResponse({
    status: 503,
    description: 'the upload budget (Redis) is unreachable; Retry-After',
  })
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
  @ApiResponse({ status: 201, type: StatementCreatedDto })
  @ApiResponse({
    status: 409,
    description: 'transaction-limit: the report would hold more than 1,000 transactions',
  })
  addStatement(
    @CitizenReport() report: CitizenReportRef,
    @Body() dto: CreateStatementDto,
  ): Promise<StatementCreatedDto> {
    return this.statements.add(report.id, dto);
  }
}
