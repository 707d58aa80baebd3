import { ApiProperty } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  CHANNELS,
  FRAUD_TYPES,
  LANGUAGES,
  PAYMENT_METHODS,
  PRIORITIES,
  REGIONS,
  REPORT_STATUSES,
  SUSPECT_TYPES,
  MONEY_PATTERN,
} from '@app/common';
import type {
  AgeGroup,
  Channel,
  FraudType,
  Language,
  PaymentMethod,
  Priority,
  Region,
  ReportStatus,
  SuspectType,
} from '@app/common';

export class StaffReporterDto {
  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  iin!: string | null;

  @ApiProperty({ example: '+77011234567' })
  phone!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty({ enum: LANGUAGES })
  language!: Language;

  @ApiProperty({ enum: AGE_GROUPS })
  ageGroup!: AgeGroup;
}

export class StaffTransactionDto {
  @ApiProperty()
  position!: number;

  @ApiProperty({ format: 'date-time' })
  paidAt!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  amount!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  method!: PaymentMethod;

  @ApiProperty({ type: String, nullable: true })
  fromBank!: string | null;

  @ApiProperty({ type: String, nullable: true })
  toBank!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'masked' })
  toAccount!: string | null;
}

export class StaffIdentifierDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty()
  display!: string;

  @ApiProperty({ enum: ['suspect', 'transaction'] })
  source!: string;
}

export class StaffStatementDto {
  @ApiProperty()
  text!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class StaffEvidenceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  originalName!: string;

  @ApiProperty()
  mimeType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class StaffLoanDto {
  @ApiProperty()
  lender!: string;

  @ApiProperty({ type: String, nullable: true })
  contractNumber!: string | null;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '500000.00' })
  amount!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
}

export class StaffIncidentDto {
  @ApiProperty({ enum: FRAUD_TYPES })
  fraudType!: FraudType;

  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty()
  description!: string;
}

/** `GET /reports/{reference}` for staff: the full report, personal data decrypted. */
export class StaffReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  triagedAt!: string | null;

  @ApiProperty({ enum: PRIORITIES, nullable: true })
  priority!: Priority | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  caseNumber!: string | null;

  @ApiProperty({ type: StaffReporterDto })
  reporter!: StaffReporterDto;

  @ApiProperty({ type: StaffIncidentDto })
  incident!: StaffIncidentDto;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '150000.00' })
  loss!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  frozen!: string;

  @ApiProperty({ pattern: MONEY_PATTERN, example: '0.00' })
  reimbursed!: string;

  @ApiProperty({ type: StaffLoanDto, nullable: true })
  loan!: StaffLoanDto | null;

  @ApiProperty({ type: [StaffTransactionDto] })
  transactions!: StaffTransactionDto[];

  @ApiProperty({ type: [StaffIdentifierDto] })
  suspects!: StaffIdentifierDto[];

  @ApiProperty({ type: [StaffStatementDto] })
  statements!: StaffStatementDto[];

  @ApiProperty({ type: [StaffEvidenceDto] })
  evidence!: StaffEvidenceDto[];
}
