import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, MONEY_PATTERN } from '@app/common';
import type { ReportStatus } from '@app/common';

export class SubmittedReportDto {
  @ApiProperty({ example: 'FR-2025-000123' })
  reference!: string;

  @ApiProperty({
    example: 'K7M2Q9XA4TRB',
    description:
      'the key to the citizen endpoints; an Idempotency-Key replay within ' +
      'IDEMPOTENCY_REPLAY_HOURS (header Idempotent-Replayed: true) answers the same code',
  })
  accessCode!: string;

  @ApiProperty({ enum: REPORT_STATUSES, description: 'always `received` (also on a replay)' })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time', example: '2025-05-01T09:30:00.000Z' })
  submittedAt!: string;
}

export class TimelineEntryDto {
  @ApiProperty()
  at!: string;

  @ApiProperty({ example: 'received' })
  type!: string;

  @ApiProperty()
  message!: string;
}

export class ReportStatusDto {
  @ApiProperty()
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  reimbursed!: string;

  @ApiProperty({ type: [TimelineEntryDto] })
  timeline!: TimelineEntryDto[];
}

export class EvidenceCreatedDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'SHA-256 of the file, lower-case hex' })
  sha256!: string;

  @ApiProperty({ type: 'integer', description: 'bytes' })
  size!: number;

  @ApiProperty({ example: 'image/png', description: 'detected from the bytes' })
  mimeType!: string;

  @ApiProperty({
    example: 'Скриншот перевода.png',
    description: 'the name sent, sanitised: no path separators or control characters',
  })
  fileName!: string;
}

export class StatementCreatedDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'integer' })
  transactionsAdded!: number;

  @ApiProperty({ type: 'integer' })
  suspectsAdded!: number;

  @ApiProperty({
    pattern: MONEY_PATTERN,
    description: 'the report loss after this statement',
    example: '150000.00',
  })
  loss!: string;
}
