import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_KINDS,
  CASE_STATUSES,
  CLOSE_REASONS,
  FRAUD_TYPES,
  PRIORITIES,
  REGIONS,
  MONEY_PATTERN,
} from '@app/common';
import type { ActorKind, CaseStatus, CloseReason, FraudType, Priority, Region } from '@app/common';

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

  @ApiProperty({ type: 'integer' })
  reportCount!: number;

  @ApiProperty({
    pattern: MONEY_PATTERN,
    example: '150000.00',
    description: 'sum of the reports\u2019 loss',
  })
  loss!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  firstClaimedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  slaDueAt!: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
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

/** `GET /cases/{id}/timeline`: oldest first, cursor pagination. */
export class TimelineDto {
  @ApiProperty({ type: [TimelineEventDto] })
  items!: TimelineEventDto[];

  @ApiProperty({ type: String, nullable: true, description: 'opaque; pass as `cursor`' })
  nextCursor!: string | null;
}

export class OffenderRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;

  @ApiProperty({ format: 'date-time' })
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
