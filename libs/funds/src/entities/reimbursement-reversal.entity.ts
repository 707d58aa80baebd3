import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { User } from '@app/identity';
import type { Reimbursement } from './reimbursement.entity';

/** Append-only: marks one reimbursement as reversed. The unique key allows one reversal each. */
@Entity({ name: 'reimbursement_reversals' })
@Unique('uq_reimbursement_reversals_reimbursement_id', ['reimbursementId'])
export class ReimbursementReversal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reimbursement_reversals' })
  id!: string;

  @Column({ name: 'reimbursement_id', type: 'uuid' })
  reimbursementId!: string;

  @ManyToOne('Reimbursement', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'reimbursement_id',
    foreignKeyConstraintName: 'fk_reimbursement_reversals_reimbursement',
  })
  reimbursement?: Reimbursement;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'reversed_by', type: 'uuid' })
  reversedBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'reversed_by',
    foreignKeyConstraintName: 'fk_reimbursement_reversals_reversed_by',
  })
  reverser?: User;

  @CreateDateColumn({ name: 'reversed_at', type: 'timestamptz' })
  reversedAt!: Date;
}
