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
import { bigintTransformer, LOAN_WRITEOFF_OUTCOMES, sqlStringList } from '@app/common';
import type { LoanWriteoffOutcome } from '@app/common';
import type { User } from '@app/identity';
import type { Report } from '@app/reports';

/**
 * A request to a lender to write off a loan taken in a victim's name (a `fake_loan` report),
 * and its one outcome. Its case is the report's case, so a merge carries it along. Outcome
 * columns are written once (trigger `tg_loan_writeoffs_append_only`); the CHECKs hold the rest.
 */
@Entity({ name: 'loan_writeoffs' })
@Index('ix_loan_writeoffs_report_id', ['reportId'])
@Index('uq_loan_writeoffs_live', ['reportId'], {
  unique: true,
  where: `"outcome" IS DISTINCT FROM 'refused'`,
})
@Index('ix_loan_writeoffs_written_off_at', ['outcomeAt'], { where: `"outcome" = 'written_off'` })
@Check(
  'ck_loan_writeoffs_outcome',
  `"outcome" IS NULL OR "outcome" IN (${sqlStringList(LOAN_WRITEOFF_OUTCOMES)})`,
)
@Check(
  'ck_loan_writeoffs_outcome_complete',
  `("outcome" IS NULL) = ("outcome_at" IS NULL) AND ("outcome" IS NULL) = ("outcome_by" IS NULL)`,
)
@Check('ck_loan_writeoffs_requested_positive', `"requested_tiyn" > 0`)
@Check(
  'ck_loan_writeoffs_written_off_amount',
  `("outcome" = 'written_off') = ("written_off_tiyn" IS NOT NULL) AND ("written_off_tiyn" IS NULL OR ("written_off_tiyn" > 0 AND "written_off_tiyn" <= "requested_tiyn"))`,
)
@Check(
  'ck_loan_writeoffs_outcome_after_request',
  `"outcome_at" IS NULL OR "outcome_at" >= "requested_at"`,
)
export class LoanWriteoff {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_loan_writeoffs' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne('Report', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_loan_writeoffs_report' })
  report?: Report;

  @Column({ name: 'lender', type: 'text' })
  lender!: string;

  @Column({ name: 'contract_number', type: 'text' })
  contractNumber!: string;

  @Column({ name: 'requested_tiyn', type: 'bigint', transformer: bigintTransformer })
  requestedTiyn!: bigint;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_loan_writeoffs_requested_by' })
  requester?: User;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: LoanWriteoffOutcome | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @Column({ name: 'outcome_by', type: 'uuid', nullable: true })
  outcomeBy!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outcome_by', foreignKeyConstraintName: 'fk_loan_writeoffs_outcome_by' })
  outcomeRecorder?: User | null;

  @Column({
    name: 'written_off_tiyn',
    type: 'bigint',
    nullable: true,
    transformer: bigintTransformer,
  })
  writtenOffTiyn!: bigint | null;

  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
