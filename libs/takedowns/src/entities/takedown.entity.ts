import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SUSPECT_TYPES, sqlStringList, TAKEDOWN_KINDS, TAKEDOWN_OUTCOMES } from '@app/common';
import type { SuspectType, TakedownKind, TakedownOutcome } from '@app/common';
import type { Case } from '@app/cases';
import type { User } from '@app/identity';

/**
 * A request to a platform, operator or bank to block a suspect identifier of a case, and its
 * one outcome. The outcome columns are written once (trigger `tg_takedowns_append_only`); the
 * CHECKs hold the rest: all outcome columns or none, and the outcome not before the request.
 */
@Entity({ name: 'takedowns' })
@Index('ix_takedowns_case_id', ['caseId'])
@Index('ix_takedowns_identifier', ['identifierType', 'identifierValue'])
@Index('ix_takedowns_blocked_at', ['outcomeAt'], { where: `"outcome" = 'blocked'` })
@Index('ix_takedowns_pending', ['requestedAt'], { where: '"outcome" IS NULL' })
@Check('ck_takedowns_kind', `"kind" IN (${sqlStringList(TAKEDOWN_KINDS)})`)
@Check('ck_takedowns_identifier_type', `"identifier_type" IN (${sqlStringList(SUSPECT_TYPES)})`)
@Check(
  'ck_takedowns_outcome',
  `"outcome" IS NULL OR "outcome" IN (${sqlStringList(TAKEDOWN_OUTCOMES)})`,
)
@Check(
  'ck_takedowns_outcome_complete',
  `("outcome" IS NULL) = ("outcome_at" IS NULL) AND ("outcome" IS NULL) = ("outcome_by" IS NULL)`,
)
@Check(
  'ck_takedowns_outcome_after_request',
  `"outcome_at" IS NULL OR "outcome_at" >= "requested_at"`,
)
export class Takedown {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_takedowns' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne('Case', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_takedowns_case' })
  case?: Case;

  @Column({ name: 'kind', type: 'text' })
  kind!: TakedownKind;

  @Column({ name: 'identifier_type', type: 'text' })
  identifierType!: SuspectType;

  /** Normalised like `report_identifiers.value`: a card is its keyed hash, never the digits. */
  @Column({ name: 'identifier_value', type: 'text' })
  identifierValue!: string;

  /** Safe to show: cards and phones masked. */
  @Column({ name: 'identifier_display', type: 'text' })
  identifierDisplay!: string;

  @Column({ name: 'platform', type: 'text' })
  platform!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_takedowns_requested_by' })
  requester?: User;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: TakedownOutcome | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @Column({ name: 'outcome_by', type: 'uuid', nullable: true })
  outcomeBy!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outcome_by', foreignKeyConstraintName: 'fk_takedowns_outcome_by' })
  outcomeRecorder?: User | null;

  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
