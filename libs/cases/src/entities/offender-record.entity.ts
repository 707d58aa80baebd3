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
import type { User } from '@app/identity';
import { Case } from './case.entity';

/** Offenders detained for a case; `offendersDetained` sums `count` by `detained_at`. */
@Entity({ name: 'offender_records' })
@Index('ix_offender_records_case_id', ['caseId'])
@Index('ix_offender_records_detained_at', ['detainedAt'])
@Check('ck_offender_records_count', `"count" > 0`)
export class OffenderRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_offender_records' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_offender_records_case' })
  case?: Case;

  @Column({ name: 'count', type: 'integer' })
  count!: number;

  @Column({ name: 'detained_at', type: 'timestamptz' })
  detainedAt!: Date;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_offender_records_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
