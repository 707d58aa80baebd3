import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_KINDS,
  AGE_GROUPS,
  CASE_STATUSES,
  CLOSE_REASONS,
  FRAUD_TYPES,
  PRIORITIES,
  REGIONS,
  REPORT_STATUSES,
  SUSPECT_TYPES,
} from '@app/common';
import type {
  ActorKind,
  AgeGroup,
  CaseStatus,
  CloseReason,
  FraudType,
  Priority,
  Region,
  ReportStatus,
  SuspectType,
} from '@app/common';

export class CaseAssigneeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;
}

/** One row of the queue; also the answer of claim, claim-next, assign and transition. */
export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CY-2025-000042' })
  number!: string;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty({ enum: FRAUD_TYPES })
  fraudType!: FraudType;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ enum: PRIORITIES })
  priority!: Priority;

  @ApiProperty({ type: CaseAssigneeDto, nullable: true })
  assignee!: CaseAssigneeDto | null;

  @ApiProperty()
  reportCount!: number;

  @ApiProperty({ example: '150000.00', description: 'sum of the reports\u2019 loss' })
  loss!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  firstClaimedAt!: string | null;

  @ApiProperty()
  slaDueAt!: string;

  @ApiProperty({ type: String, nullable: true })
  slaBreachedAt!: string | null;

  @ApiProperty({ enum: CLOSE_REASONS, nullable: true })
  closeReason!: CloseReason | null;

  @ApiProperty({ type: String, nullable: true })
  agency!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  mergedIntoId!: string | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseSummaryDto] })
  items!: CaseSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'opaque; pass as `cursor`' })
  nextCursor!: string | null;
}

export class CaseReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'FR-2025-000123' })
  reference!: string;

  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;

  @ApiProperty()
  submittedAt!: string;

  @ApiProperty({ enum: REGIONS })
  region!: Region;

  @ApiProperty({ enum: FRAUD_TYPES })
  fraudType!: FraudType;

  @ApiProperty({ enum: AGE_GROUPS })
  ageGroup!: AgeGroup;

  @ApiProperty({ enum: PRIORITIES, nullable: true })
  priority!: Priority | null;

  @ApiProperty({ example: '150000.00' })
  loss!: string;

  @ApiProperty({ example: '0.00' })
  frozen!: string;

  @ApiProperty({ example: '0.00' })
  reimbursed!: string;
}

export class CaseIdentifierDto {
  @ApiProperty({ enum: SUSPECT_TYPES })
  type!: SuspectType;

  @ApiProperty({ type: String, nullable: true, description: 'normalised; null for cards' })
  value!: string | null;

  @ApiProperty({ description: 'masked for cards and phones' })
  display!: string;

  @ApiProperty({ description: 'reports of this case naming it' })
  reportCount!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the case that owns the identifier for linking (this one, or a newer case)',
  })
  ownerCaseId!: string | null;
}

/** The case total of `GET /cases/{id}/funds` (libs/funds), computed from the ledger. */
export class CaseFundsSummaryDto {
  @ApiProperty({ example: '150000.00' })
  loss!: string;

  @ApiProperty({ example: '0.00' })
  frozen!: string;

  @ApiProperty({ example: '0.00' })
  released!: string;

  @ApiProperty({ example: '0.00' })
  releasedToVictims!: string;

  @ApiProperty({ example: '0.00' })
  releasedToHolders!: string;

  @ApiProperty({ example: '0.00', description: 'frozen minus released' })
  held!: string;

  @ApiProperty({ example: '0.00', description: 'net of reversals' })
  reimbursed!: string;

  @ApiProperty({ example: '150000.00', description: 'loss minus reimbursed' })
  outstandingLoss!: string;
}

export class MergedCaseRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ type: [CaseReportDto] })
  reports!: CaseReportDto[];

  @ApiProperty({ type: [CaseIdentifierDto] })
  identifiers!: CaseIdentifierDto[];

  @ApiProperty({ type: CaseFundsSummaryDto })
  funds!: CaseFundsSummaryDto;

  @ApiProperty({ description: 'sum of offender records' })
  offendersDetained!: number;

  @ApiProperty({ type: [MergedCaseRefDto], description: 'cases merged into this one' })
  mergedFrom!: MergedCaseRefDto[];

  @ApiProperty({
    enum: CASE_STATUSES,
    isArray: true,
    description: '`to` values POST /transition accepts now (from the transition table)',
  })
  allowedTransitions!: CaseStatus[];
}

export class TimelineActorDto {
  @ApiProperty({ enum: ACTOR_KINDS })
  kind!: ActorKind;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  fullName!: string | null;
}

export class TimelineEventDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'differs from the case for merged-in history' })
  caseId!: string;

  @ApiProperty()
  caseNumber!: string;

  @ApiProperty()
  at!: string;

  @ApiProperty({ type: TimelineActorDto })
  actor!: TimelineActorDto;

  @ApiProperty({ example: 'case.transitioned' })
  type!: string;

  @ApiProperty({ description: 'shown on the citizen status page' })
  public!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineEventDto] })
  items!: TimelineEventDto[];
}

export class OffenderRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  count!: number;

  @ApiProperty()
  detainedAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  note!: string | null;
}

export class NoteCreatedDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  at!: string;
}
