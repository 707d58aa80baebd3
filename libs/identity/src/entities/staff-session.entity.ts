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
import { User } from './user.entity';

export const SESSION_REVOKE_REASONS = ['sign-out', 'replay', 'password-changed'] as const;
export type SessionRevokeReason = (typeof SESSION_REVOKE_REASONS)[number];

/**
 * A cookie session of the staff console (sessions/session.service.ts). The session id and the
 * CSRF token are kept only as SHA-256 digests; `id` is the session's own name, which survives
 * every rotation of the cookie value.
 */
@Entity({ name: 'staff_sessions' })
@Unique('uq_staff_sessions_token_hash', ['tokenHash'])
@Unique('uq_staff_sessions_previous_token_hash', ['previousTokenHash'])
@Index('ix_staff_sessions_user_id', ['userId'])
@Index('ix_staff_sessions_expires_at', ['expiresAt'])
@Check(
  'ck_staff_sessions_revoked_reason',
  `"revoked_reason" IN ('sign-out', 'replay', 'password-changed')`,
)
@Check('ck_staff_sessions_expiry', `"idle_expires_at" <= "expires_at"`)
export class StaffSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_sessions' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_sessions_user' })
  user?: User;

  /** SHA-256 of the cookie value now in use. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** SHA-256 of the value the last refresh rotated out: seen again, the session is revoked. */
  @Column({ name: 'previous_token_hash', type: 'text', nullable: true })
  previousTokenHash!: string | null;

  /** SHA-256 of the CSRF token (itself an HMAC of the cookie value). */
  @Column({ name: 'csrf_hash', type: 'text' })
  csrfHash!: string;

  /** `users.token_version` at issue; a bump (password reset, deactivation) ends the session. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'refreshed_at', type: 'timestamptz', default: () => 'now()' })
  refreshedAt!: Date;

  /** SESSION_IDLE_MINUTES after sign-in or the last refresh, never past `expiresAt`. */
  @Column({ name: 'idle_expires_at', type: 'timestamptz' })
  idleExpiresAt!: Date;

  /** The absolute end: SESSION_MAX_HOURS after sign-in; no refresh moves it. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: SessionRevokeReason | null;
}
