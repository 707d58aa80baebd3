import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const LOGIN_THROTTLE_SCOPES = ['pair', 'ip'] as const;
export type LoginThrottleScope = (typeof LOGIN_THROTTLE_SCOPES)[number];

/**
 * Failed sign-ins of one (account, client IP) pair or of one client IP within a window
 * (auth/login-attempts.service.ts). `key` is a SHA-256 digest, never an email or an address.
 */
@Entity({ name: 'login_throttles' })
@Check('ck_login_throttles_scope', `"scope" IN ('pair', 'ip')`)
@Check('ck_login_throttles_failures', `"failures" >= 0`)
@Index('ix_login_throttles_user_id', ['userId'])
@Index('ix_login_throttles_window_ends_at', ['windowEndsAt'])
export class LoginThrottle {
  @PrimaryColumn({ name: 'scope', type: 'text', primaryKeyConstraintName: 'pk_login_throttles' })
  scope!: LoginThrottleScope;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'pk_login_throttles' })
  key!: string;

  /** The account of a pair row, so a password reset can lift its locks; null otherwise. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  /** Attempts reserved in the window: failures, plus those whose password is being checked. */
  @Column({ name: 'failures', type: 'integer', default: 0 })
  failures!: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
