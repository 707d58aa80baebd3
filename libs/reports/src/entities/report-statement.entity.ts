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
import type { PaymentMethod, SuspectType } from '@app/common';
import { Report } from './report.entity';

/** A payment of a statement as the citizen sent it; the account masked as stored. */
export interface StatementTransactionPart {
  paidAt: string;
  /** Tiyn as a decimal string: JSON has no bigint. */
  amountTiyn: string;
  method: PaymentMethod;
  fromBank: string | null;
  toBank: string | null;
  toAccount: string | null;
}

/** A suspect identifier of a statement as the citizen sent it, masked like its display. */
export interface StatementSuspectPart {
  type: SuspectType;
  value: string;
}

/** Information the citizen added after filing. */
@Entity({ name: 'report_statements' })
@Index('ix_report_statements_report_id', ['reportId'])
@Check('ck_report_statements_transactions', `jsonb_typeof("transactions") = 'array'`)
@Check('ck_report_statements_suspects', `jsonb_typeof("suspects") = 'array'`)
export class ReportStatement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_report_statements' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_statements_report' })
  report?: Report;

  @Column({ name: 'text', type: 'text' })
  text!: string;

  /** The citizen's record of what the statement carried; the ledger rows are elsewhere. */
  @Column({ name: 'transactions', type: 'jsonb', default: () => "'[]'" })
  transactions!: StatementTransactionPart[];

  @Column({ name: 'suspects', type: 'jsonb', default: () => "'[]'" })
  suspects!: StatementSuspectPart[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
