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
import { bigintTransformer, REIMBURSEMENT_SOURCES, sqlStringList } from '@app/common';
import type { ReimbursementSource } from '@app/common';
import type { Case } from '@app/cases';
import type { User } from '@app/identity';
import type { Report } from '@app/reports';

/** Append-only: money paid back to a victim. Corrected by a reversal, never edited. */
@Entity({ name: 'reimbursements' })
@Index('ix_reimbursements_case_id', ['caseId'])
@Index('ix_reimbursements_report_id', ['reportId'])
@Index('ix_reimbursements_paid_at', ['paidAt'])
@Check('ck_reimbursements_amount_tiyn', `"amount_tiyn" > 0`)
@Check('ck_reimbursements_source', `"source" IN (${sqlStringList(REIMBURSEMENT_SOURCES)})`)
export class Reimbursement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reimbursements' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne('Case', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_reimbursements_case' })
  case?: Case;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne('Report', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_reimbursements_report' })
  report?: Report;

  @Column({ name: 'amount_tiyn', type: 'bigint', transformer: bigintTransformer })
  amountTiyn!: bigint;

  @Column({ name: 'source', type: 'text' })
  source!: ReimbursementSource;

  @Column({ name: 'paid_at', type: 'timestamptz' })
  paidAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_reimbursements_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
