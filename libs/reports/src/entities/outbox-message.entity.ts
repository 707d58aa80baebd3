import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: written in the same transaction as the report, relayed to the queue
 * afterwards, so an acknowledged report is never lost while Redis is down.
 */
@Entity({ name: 'outbox' })
@Index('ix_outbox_unrelayed', ['createdAt'], { where: '"relayed_at" IS NULL' })
@Check('ck_outbox_attempts', `"attempts" >= 0`)
export class OutboxMessage {
  /** bigint comes back from pg as a string; relay order follows it. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_outbox' })
  id!: string;

  @Column({ name: 'topic', type: 'text' })
  topic!: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
