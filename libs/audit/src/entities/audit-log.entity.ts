import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only security log (access denials, account changes). `actor_id` deliberately has no
 * foreign key: the audit lib depends on no other domain lib, and an audit write must never fail
 * because of the row it describes.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_actor_id_at', ['actorId', 'at'])
@Index('ix_audit_log_action_at', ['action', 'at'])
@Index('ix_audit_log_target', ['targetType', 'targetId'])
export class AuditLog {
  /** bigint comes back from pg as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_log' })
  id!: string;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  /** Dotted verb, e.g. `access.denied`, `user.created`. */
  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'route', type: 'text', nullable: true })
  route!: string | null;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ name: 'ip', type: 'text', nullable: true })
  ip!: string | null;

  /** Never personal data: the writer passes ids and codes, not IINs, phones or access codes. */
  @Column({ name: 'detail', type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
