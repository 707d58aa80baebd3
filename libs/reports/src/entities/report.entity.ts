import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import {
  AGE_GROUPS,
  bigintTransformer,
  CHANNELS,
  FRAUD_TYPES,
  LANGUAGES,
  NOTIFY_CHOICES,
  PRIORITIES,
  REGIONS,
  sqlStringList,
} from '@app/common';
import type {
  AgeGroup,
  Channel,
  FraudType,
  Language,
  NotifyChoice,
  Priority,
  Region,
} from '@app/common';

/** The `loan` of a `fake_loan` report. Money as a tiyn string: JSON has no bigint. */
export interface ReportLoan {
  lender: string;
  contractNumber: string | null;
  amountTiyn: string;
  /** ISO 8601. */
  issuedAt: string;
}

/**
 * A citizen complaint. Personal data is stored encrypted (`*_enc`) with a keyed blind index
 * (`*_bidx`) for lookups; the access code only as an HMAC.
 */
@Entity({ name: 'reports' })
@Unique('uq_reports_reference', ['reference'])
@Unique('uq_reports_idempotency_key', ['idempotencyKey'])
@Check('ck_reports_reference', `"reference" ~ '^FR-[0-9]{4}-[0-9]{6,}$'`)
@Check('ck_reports_region', `"region" IN (${sqlStringList(REGIONS)})`)
@Check('ck_reports_language', `"language" IN (${sqlStringList(LANGUAGES)})`)
@Check('ck_reports_age_group', `"age_group" IN (${sqlStringList(AGE_GROUPS)})`)
@Check('ck_reports_notify', `"notify" IN (${sqlStringList(NOTIFY_CHOICES)})`)
@Check('ck_reports_fraud_type', `"fraud_type" IN (${sqlStringList(FRAUD_TYPES)})`)
@Check('ck_reports_channel', `"channel" IN (${sqlStringList(CHANNELS)})`)
@Check('ck_reports_priority', `"priority" IN (${sqlStringList(PRIORITIES)})`)
@Check('ck_reports_loan', `"loan" IS NULL OR "fraud_type" = 'fake_loan'`)
@Check('ck_reports_loss_tiyn', `"loss_tiyn" >= 0`)
@Check(
  'ck_reports_idempotency_replay',
  `"idempotency_key" IS NOT NULL OR ("replay_access_code_enc" IS NULL AND "idempotency_body_hash" IS NULL)`,
)
@Index('ix_reports_submitted_at', ['submittedAt'])
@Index('ix_reports_region_submitted_at', ['region', 'submittedAt'])
@Index('ix_reports_fraud_type_submitted_at', ['fraudType', 'submittedAt'])
@Index('ix_reports_case_id_submitted_at', ['caseId', 'submittedAt', 'id'])
@Index('ix_reports_case_id_priority', ['caseId', 'priority'])
@Index('ix_reports_reporter_phone_bidx', ['reporterPhoneBidx'])
@Index('ix_reports_reporter_iin_bidx', ['reporterIinBidx'])
@Index('ix_reports_replay_code_pending', ['submittedAt'], {
  where: '"replay_access_code_enc" IS NOT NULL',
})
export class Report {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reports' })
  id!: string;

  /** `FR-YYYY-NNNNNN`, from `reference_counters`. */
  @Column({ name: 'reference', type: 'text' })
  reference!: string;

  @Column({ name: 'access_code_hash', type: 'text' })
  accessCodeHash!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /**
   * The access code, AES-GCM encrypted, so an Idempotency-Key replay can hand it back; wiped
   * (null) once IDEMPOTENCY_REPLAY_HOURS have passed. Never the code in clear.
   */
  @Column({ name: 'replay_access_code_enc', type: 'text', nullable: true })
  replayAccessCodeEnc!: string | null;

  /** Keyed SHA-256 of the canonical request body sent with the Idempotency-Key; wiped with it. */
  @Column({ name: 'idempotency_body_hash', type: 'text', nullable: true })
  idempotencyBodyHash!: string | null;

  @Column({ name: 'reporter_full_name', type: 'text' })
  reporterFullName!: string;

  @Column({ name: 'reporter_iin_enc', type: 'text', nullable: true })
  reporterIinEnc!: string | null;

  @Column({ name: 'reporter_iin_bidx', type: 'text', nullable: true })
  reporterIinBidx!: string | null;

  @Column({ name: 'reporter_phone_enc', type: 'text' })
  reporterPhoneEnc!: string;

  @Column({ name: 'reporter_phone_bidx', type: 'text' })
  reporterPhoneBidx!: string;

  @Column({ name: 'reporter_email_enc', type: 'text', nullable: true })
  reporterEmailEnc!: string | null;

  @Column({ name: 'region', type: 'text' })
  region!: Region;

  @Column({ name: 'language', type: 'text', default: 'ru' })
  language!: Language;

  @Column({ name: 'age_group', type: 'text', default: 'adult' })
  ageGroup!: AgeGroup;

  /** Notice channels the reporter chose (docs/notices.md); contacts stay in the `*_enc` columns. */
  @Column({ name: 'notify', type: 'text', default: 'none' })
  notify!: NotifyChoice;

  @Column({ name: 'fraud_type', type: 'text' })
  fraudType!: FraudType;

  @Column({ name: 'channel', type: 'text' })
  channel!: Channel;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'description', type: 'text' })
  description!: string;

  /** Sum of the transactions plus the loan amount, in tiyn. */
  @Column({ name: 'loss_tiyn', type: 'bigint', default: 0, transformer: bigintTransformer })
  lossTiyn!: bigint;

  @Column({ name: 'loan', type: 'jsonb', nullable: true })
  loan!: ReportLoan | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne('Case', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_reports_case' })
  /** The `Case` entity of libs/cases, which sits above reports: named, never imported. */
  case?: object | null;

  /** Set by triage. */
  @Column({ name: 'priority', type: 'text', nullable: true })
  priority!: Priority | null;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;
}
