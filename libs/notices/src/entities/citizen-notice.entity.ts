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
import { NOTICE_KINDS, NOTICE_CHANNELS, sqlStringList } from '@app/common';
import type { NoticeChannel, NoticeKind } from '@app/common';

export const NOTICE_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * One notice to one reporter over one channel, caused by one case event (docs/notices.md). The
 * row is both the outbox (`relayed_at`) and the delivery record (`status`): `sending` is
 * claimed in a committed transaction before anything is sent, so no second send can start.
 * No contact data here: the worker reads and decrypts the report's at send time.
 */
@Entity({ name: 'citizen_notices' })
@Unique('uq_citizen_notices_key', ['key'])
@Check('ck_citizen_notices_kind', `"kind" IN (${sqlStringList(NOTICE_KINDS)})`)
@Check('ck_citizen_notices_channel', `"channel" IN (${sqlStringList(NOTICE_CHANNELS)})`)
@Check('ck_citizen_notices_status', `"status" IN (${sqlStringList(NOTICE_STATUSES)})`)
@Check('ck_citizen_notices_attempts', `"attempts" >= 0 AND "relay_attempts" >= 0`)
@Index('ix_citizen_notices_unrelayed', ['id'], { where: '"relayed_at" IS NULL' })
@Index('ix_citizen_notices_undelivered', ['createdAt'], {
  where: `"status" IN ('sending', 'failed')`,
})
@Index('ix_citizen_notices_report_id', ['reportId'])
export class CitizenNotice {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_citizen_notices',
  })
  id!: string;

  /** `<case event id>-<report id>-<channel>`: the idempotency key, also the job id's. */
  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'case_event_id', type: 'bigint' })
  caseEventId!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne('Report', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_citizen_notices_report' })
  /** The `Report` entity of libs/reports: named, never imported. */
  report?: object;

  @Column({ name: 'kind', type: 'text' })
  kind!: NoticeKind;

  @Column({ name: 'channel', type: 'text' })
  channel!: NoticeChannel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ name: 'relay_attempts', type: 'integer', default: 0 })
  relayAttempts!: number;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status!: NoticeStatus;

  /** Sends started (claims). */
  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  /** Why the last send failed: a code and status only, never an address or a reply text. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
