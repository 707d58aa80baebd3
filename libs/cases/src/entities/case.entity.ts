import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  CASE_STATUSES,
  CLOSE_REASONS,
  FRAUD_TYPES,
  PRIORITIES,
  REGIONS,
  sqlStringList,
} from '@app/common';
import type { CaseStatus, CloseReason, FraudType, Priority, Region } from '@app/common';
// Type-only, and the relation target by name: entity files load no other lib's barrel.
import type { User } from '@app/identity';

/** A group of reports that share a normalised suspect identifier. */
@Entity({ name: 'cases' })
@Unique('uq_cases_number', ['number'])
@Check('ck_cases_number', `"number" ~ '^CY-[0-9]{4}-[0-9]{6,}$'`)
@Check('ck_cases_region', `"region" IN (${sqlStringList(REGIONS)})`)
@Check('ck_cases_fraud_type', `"fraud_type" IN (${sqlStringList(FRAUD_TYPES)})`)
@Check('ck_cases_status', `"status" IN (${sqlStringList(CASE_STATUSES)})`)
@Check('ck_cases_priority', `"priority" IN (${sqlStringList(PRIORITIES)})`)
@Check('ck_cases_close_reason', `"close_reason" IN (${sqlStringList(CLOSE_REASONS)})`)
@Check('ck_cases_closed_needs_reason', `"status" <> 'closed' OR "close_reason" IS NOT NULL`)
@Check('ck_cases_referred_needs_agency', `"status" <> 'referred' OR "agency" IS NOT NULL`)
@Check('ck_cases_not_merged_into_self', `"merged_into_id" <> "id"`)
@Index('ix_cases_queue', ['region', 'status', 'priority', 'createdAt'])
@Index('ix_cases_region_queue_order', ['region', 'priority', 'createdAt', 'id'])
@Index('ix_cases_queue_order', ['priority', 'createdAt', 'id'])
@Index('ix_cases_assignee_id', ['assigneeId'])
@Index('ix_cases_created_at', ['createdAt'])
@Index('ix_cases_solved_at', ['solvedAt'])
@Index('ix_cases_sla_pending', ['slaDueAt'], {
  where: '"first_claimed_at" IS NULL AND "sla_breached_at" IS NULL',
})
@Index('ix_cases_merged_into_id', ['mergedIntoId'])
// claim-next: unassigned, non-terminal cases of a region, most urgent and oldest first.
@Index('ix_cases_unassigned_queue', ['region', 'priority', 'createdAt'], {
  where: `"assignee_id" IS NULL AND "status" IN ('open', 'in_review', 'investigating')`,
})
export class Case {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cases' })
  id!: string;

  /** `CY-YYYY-NNNNNN`. */
  @Column({ name: 'number', type: 'text' })
  number!: string;

  /** Region of the first report. */
  @Column({ name: 'region', type: 'text' })
  region!: Region;

  /** Fraud type of the first report. */
  @Column({ name: 'fraud_type', type: 'text' })
  fraudType!: FraudType;

  @Column({ name: 'status', type: 'text', default: 'open' })
  status!: CaseStatus;

  /** Most urgent of its reports. */
  @Column({ name: 'priority', type: 'text' })
  priority!: Priority;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_cases_assignee' })
  assignee?: User | null;

  @Column({ name: 'first_claimed_at', type: 'timestamptz', nullable: true })
  firstClaimedAt!: Date | null;

  /** Deadline for the first claim, from the priority's SLA. */
  @Column({ name: 'sla_due_at', type: 'timestamptz' })
  slaDueAt!: Date;

  @Column({ name: 'sla_breached_at', type: 'timestamptz', nullable: true })
  slaBreachedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: CloseReason | null;

  /** The agency a `referred` case went to. */
  @Column({ name: 'agency', type: 'text', nullable: true })
  agency!: string | null;

  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt!: Date | null;

  /** Set on the source case of a merge. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => Case, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_cases_merged_into' })
  mergedInto?: Case | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic lock for read-modify-write paths; claims use conditional updates instead. */
  @VersionColumn({ name: 'version', type: 'integer', default: 1 })
  version!: number;
}
