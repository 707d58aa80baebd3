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
import { bigintTransformer, sqlStringList } from '@app/common';
import type { User } from '@app/identity';
import type { Report } from '@app/reports';
import type { Freeze } from './freeze.entity';
import type { Reimbursement } from './reimbursement.entity';

export const RELEASE_RECIPIENTS = ['victim', 'holder'] as const;
export type ReleaseRecipient = (typeof RELEASE_RECIPIENTS)[number];

/** Append-only: part of a freeze given back, to a victim (a reimbursement) or to the holder. */
@Entity({ name: 'freeze_releases' })
@Unique('uq_freeze_releases_reimbursement_id', ['reimbursementId'])
@Index('ix_freeze_releases_freeze_id', ['freezeId'])
@Check('ck_freeze_releases_amount_tiyn', `"amount_tiyn" > 0`)
@Check('ck_freeze_releases_recipient', `"recipient" IN (${sqlStringList(RELEASE_RECIPIENTS)})`)
@Check(
  'ck_freeze_releases_victim',
  `("recipient" = 'victim') = ("reimbursement_id" IS NOT NULL)` +
    ` AND ("recipient" <> 'victim' OR "report_id" IS NOT NULL)`,
)
export class FreezeRelease {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_freeze_releases' })
  id!: string;

  @Column({ name: 'freeze_id', type: 'uuid' })
  freezeId!: string;

  @ManyToOne('Freeze', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'freeze_id', foreignKeyConstraintName: 'fk_freeze_releases_freeze' })
  freeze?: Freeze;

  @Column({ name: 'amount_tiyn', type: 'bigint', transformer: bigintTransformer })
  amountTiyn!: bigint;

  /** `to` in the API; `to` is an SQL keyword. */
  @Column({ name: 'recipient', type: 'text' })
  recipient!: ReleaseRecipient;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId!: string | null;

  @ManyToOne('Report', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_freeze_releases_report' })
  report?: Report | null;

  @Column({ name: 'reimbursement_id', type: 'uuid', nullable: true })
  reimbursementId!: string | null;

  @ManyToOne('Reimbursement', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'reimbursement_id',
    foreignKeyConstraintName: 'fk_freeze_releases_reimbursement',
  })
  reimbursement?: Reimbursement | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_freeze_releases_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
