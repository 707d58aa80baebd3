import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CASE_FLAGS, sqlStringList } from '@app/common';
import type { CaseFlagName } from '@app/common';
import type { User } from '@app/identity';
import { Case } from './case.entity';

/**
 * A flag set on a case (`financial_pyramid`), kept when withdrawn: the row records who set it
 * and, once, who withdrew it. At most one standing flag of a kind per case (partial unique
 * index); `pyramidsDetected` counts standing flags by `set_at` (docs/stats.md).
 */
@Entity({ name: 'case_flags' })
@Index('uq_case_flags_standing', ['caseId', 'flag'], {
  unique: true,
  where: '"withdrawn_at" IS NULL',
})
@Index('ix_case_flags_set_at', ['setAt'], { where: '"withdrawn_at" IS NULL' })
@Check('ck_case_flags_flag', `"flag" IN (${sqlStringList(CASE_FLAGS)})`)
@Check('ck_case_flags_withdrawal', `("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)`)
@Check('ck_case_flags_withdrawn_after_set', `"withdrawn_at" IS NULL OR "withdrawn_at" >= "set_at"`)
export class CaseFlag {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_flags' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_flags_case' })
  case?: Case;

  @Column({ name: 'flag', type: 'text' })
  flag!: CaseFlagName;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt!: Date;

  @Column({ name: 'set_by', type: 'uuid' })
  setBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'fk_case_flags_set_by' })
  setter?: User;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'fk_case_flags_withdrawn_by' })
  withdrawer?: User | null;
}
