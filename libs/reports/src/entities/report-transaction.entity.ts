import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { ACCOUNT_TYPES, bigintTransformer, PAYMENT_METHODS, sqlStringList } from '@app/common';
import type { AccountType, PaymentMethod } from '@app/common';
import { Report } from './report.entity';

/** One payment the victim made. The destination account is also a suspect identifier. */
@Entity({ name: 'report_transactions' })
@Unique('uq_report_transactions_report_id_position', ['reportId', 'position'])
@Check('ck_report_transactions_position', `"position" >= 0`)
@Check('ck_report_transactions_amount_tiyn', `"amount_tiyn" > 0`)
@Check('ck_report_transactions_method', `"method" IN (${sqlStringList(PAYMENT_METHODS)})`)
@Check(
  'ck_report_transactions_to_account_type',
  `"to_account_type" IN (${sqlStringList(ACCOUNT_TYPES)})`,
)
@Check(
  'ck_report_transactions_to_account',
  `("to_account_type" IS NULL) = ("to_account_value" IS NULL)`,
)
export class ReportTransaction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_report_transactions' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_transactions_report' })
  report?: Report;

  /** Order within the report, from 0; later statements continue the numbering. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'paid_at', type: 'timestamptz' })
  paidAt!: Date;

  @Column({ name: 'amount_tiyn', type: 'bigint', transformer: bigintTransformer })
  amountTiyn!: bigint;

  @Column({ name: 'method', type: 'text' })
  method!: PaymentMethod;

  @Column({ name: 'from_bank', type: 'text', nullable: true })
  fromBank!: string | null;

  @Column({ name: 'to_bank', type: 'text', nullable: true })
  toBank!: string | null;

  @Column({ name: 'to_account_type', type: 'text', nullable: true })
  toAccountType!: AccountType | null;

  /** Normalised; for cards the keyed hash, never the number. */
  @Column({ name: 'to_account_value', type: 'text', nullable: true })
  toAccountValue!: string | null;

  /** Masked, safe to show. */
  @Column({ name: 'to_account_display', type: 'text', nullable: true })
  toAccountDisplay!: string | null;
}
