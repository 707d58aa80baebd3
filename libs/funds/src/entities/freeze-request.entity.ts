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
// Type-only, relation targets by name: funds must not load the cases/reports barrels at runtime
// (cases' triage imports funds, so a runtime import back would be a cycle).
import type { Case } from '@app/cases';
import type { User } from '@app/identity';
import type { Report, ReportTransaction } from '@app/reports';
import type { Freeze } from './freeze.entity';

export const FREEZE_REQUEST_STATUSES = ['pending', 'frozen', 'dismissed'] as const;
export type FreezeRequestStatus = (typeof FREEZE_REQUEST_STATUSES)[number];

/**
 * A destination account of a P1 report that should be frozen at its bank: one per (report,
 * account), so triage may run again (retries, statements) without doubling. Created by triage,
 * resolved by an investigator recording the freeze or dismissing the request.
 */
@Entity({ name: 'freeze_requests' })
@Unique('uq_freeze_requests_report_id_account_hash', ['reportId', 'accountHash'])
@Index('ix_freeze_requests_status_created_at', ['status', 'createdAt'])
@Index('ix_freeze_requests_case_id', ['caseId'])
@Check('ck_freeze_requests_status', `"status" IN (${sqlStringList(FREEZE_REQUEST_STATUSES)})`)
@Check('ck_freeze_requests_amount_tiyn', `"amount_tiyn" > 0`)
@Check(
  'ck_freeze_requests_resolution',
  `("status" = 'pending') = ("resolved_at" IS NULL)` +
    ` AND ("status" <> 'frozen' OR "freeze_id" IS NOT NULL)` +
    ` AND ("status" <> 'dismissed' OR "dismiss_reason" IS NOT NULL)`,
)
export class FreezeRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_freeze_requests' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne('Case', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_freeze_requests_case' })
  case?: Case;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne('Report', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_freeze_requests_report' })
  report?: Report;

  /** The latest transaction to this account (the request covers all of them). */
  @Column({ name: 'transaction_id', type: 'uuid' })
  transactionId!: string;

  @ManyToOne('ReportTransaction', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'transaction_id',
    foreignKeyConstraintName: 'fk_freeze_requests_transaction',
  })
  transaction?: ReportTransaction;

  @Column({ name: 'bank', type: 'text', nullable: true })
  bank!: string | null;

  /** Masked, safe to show. */
  @Column({ name: 'account_display', type: 'text' })
  accountDisplay!: string;

  /** Keyed hash of the normalised account: links requests without storing the account. */
  @Column({ name: 'account_hash', type: 'text' })
  accountHash!: string;

  /** Amount at stake: the sum of the report's transactions to this account. */
  @Column({ name: 'amount_tiyn', type: 'bigint', transformer: bigintTransformer })
  amountTiyn!: bigint;

  /** When the latest of those transactions was paid. */
  @Column({ name: 'paid_at', type: 'timestamptz' })
  paidAt!: Date;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status!: FreezeRequestStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_freeze_requests_resolved_by' })
  resolver?: User | null;

  @Column({ name: 'dismiss_reason', type: 'text', nullable: true })
  dismissReason!: string | null;

  @Column({ name: 'freeze_id', type: 'uuid', nullable: true })
  freezeId!: string | null;

  @ManyToOne('Freeze', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'freeze_id', foreignKeyConstraintName: 'fk_freeze_requests_freeze' })
  freeze?: Freeze | null;
}
