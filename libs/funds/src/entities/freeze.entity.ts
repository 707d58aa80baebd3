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
} from 'typeorm';
import { bigintTransformer, FREEZE_STAGES, sqlStringList } from '@app/common';
import type { FreezeStage } from '@app/common';
import type { Case } from '@app/cases';
import type { User } from '@app/identity';
import type { Report } from '@app/reports';
import type { FreezeRequest } from './freeze-request.entity';

/**
 * Money frozen at a bank for a case. `released_tiyn` is the running total of its releases;
 * the check keeps it within the amount even if a writer forgets the row lock.
 */
@Entity({ name: 'freezes' })
@Unique('uq_freezes_freeze_request_id', ['freezeRequestId'])
@Index('ix_freezes_case_id', ['caseId'])
@Index('ix_freezes_report_id', ['reportId'])
@Index('ix_freezes_frozen_at', ['frozenAt'])
@Index('ix_freezes_expires_at', ['expiresAt'])
@Check('ck_freezes_amount_tiyn', `"amount_tiyn" > 0`)
@Check('ck_freezes_released_tiyn', `"released_tiyn" >= 0 AND "released_tiyn" <= "amount_tiyn"`)
@Check('ck_freezes_stage', `"stage" IN (${sqlStringList(FREEZE_STAGES)})`)
@Check('ck_freezes_extension', `("extended_at" IS NULL) = ("sanction_ref" IS NULL)`)
export class Freeze {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_freezes' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne('Case', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_freezes_case' })
  case?: Case;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId!: string | null;

  @ManyToOne('Report', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_freezes_report' })
  report?: Report | null;

  @Column({ name: 'freeze_request_id', type: 'uuid', nullable: true })
  freezeRequestId!: string | null;

  @ManyToOne('FreezeRequest', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'freeze_request_id',
    foreignKeyConstraintName: 'fk_freezes_freeze_request',
  })
  freezeRequest?: FreezeRequest | null;

  @Column({ name: 'bank', type: 'text' })
  bank!: string;

  /** Only the masked account is kept. */
  @Column({ name: 'account_masked', type: 'text' })
  accountMasked!: string;

  @Column({ name: 'amount_tiyn', type: 'bigint', transformer: bigintTransformer })
  amountTiyn!: bigint;

  @Column({
    name: 'released_tiyn',
    type: 'bigint',
    default: 0,
    transformer: bigintTransformer,
  })
  releasedTiyn!: bigint;

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt!: Date;

  @Column({ name: 'stage', type: 'text' })
  stage!: FreezeStage;

  /** End of the blocking period (business days in the reporting time zone). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true })
  extendedAt!: Date | null;

  @Column({ name: 'sanction_ref', type: 'text', nullable: true })
  sanctionRef!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_freezes_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
