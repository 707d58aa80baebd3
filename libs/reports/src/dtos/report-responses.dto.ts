import { ApiProperty } from '@nestjs/swagger';
import {
  CITIZEN_TIMELINE_CODES,
  LANGUAGES,
  MONEY_PATTERN,
  PAYMENT_METHODS,
  REPORT_STATUSES,
  SUSPECT_TYPES,
} from '@app/common';
import type {
  CitizenTimelineCode,
  Language,
  PaymentMethod,
  ReportStatus,
  SuspectType,
} from '@app/common';

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
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    enum: CITIZEN_TIMELINE_CODES,
    example: 'report.received',
    description: 'stable machine code of what happened (docs/intake.md lists them)',
  })
  code!: CitizenTimelineCode;

  @ApiProperty({
    example: 'Ваше заявление принято.',
    description: 'a sentence in the language of the answer (`language`); never a code',
  })
  message!: string;
}

/** A payment of a statement as the citizen sent it. */
export class StatementTransactionDto {
  @ApiProperty({ format: 'date-time' })
  paidAt!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '25000.00' })
  amount!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  method!: PaymentMethod;

  @ApiProperty({ type: String, nullable: true })
  fromBank!: string | null;

  @ApiProperty({ type: String, nullable: true })
  toBank!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '**** **** **** 1111',
    description: 'masked as stored (cards: last four digits)',
  })
  toAccount!: string | null;
}

/** A suspect identifier of a statement as the citizen sent it. */
export class StatementSuspectDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty({
    example: '+7701***4567',
    description: 'normalised and masked as stored (cards and phones partly hidden)',
  })
  value!: string;
}

/** A statement the citizen added, as stored. */
export class CitizenStatementDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    description: 'the text sent, card numbers masked; empty when only payments or suspects came',
  })
  text!: string;

  @ApiProperty({ type: [StatementTransactionDto] })
  transactions!: StatementTransactionDto[];

  @ApiProperty({ type: [StatementSuspectDto] })
  suspects!: StatementSuspectDto[];
}

/** A file the citizen uploaded. */
export class CitizenEvidenceDto {
  @ApiProperty({ example: 'Скриншот перевода.png', description: 'the name sent, sanitised' })
  name!: string;

  @ApiProperty({ type: 'integer', description: 'bytes' })
  size!: number;

  @ApiProperty({ description: 'SHA-256 of the file, lower-case hex' })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class ReportStatusDto {
  @ApiProperty()
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({
    enum: LANGUAGES,
    description: "language of the messages: `?lang=` if given, else the report's language",
  })
  language!: Language;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  reimbursed!: string;

  @ApiProperty({ type: [TimelineEntryDto], description: 'oldest first' })
  timeline!: TimelineEntryDto[];

  @ApiProperty({ type: [CitizenStatementDto], description: 'oldest first' })
  statements!: CitizenStatementDto[];

  @ApiProperty({ type: [CitizenEvidenceDto], description: 'oldest first' })
  evidence!: CitizenEvidenceDto[];
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
