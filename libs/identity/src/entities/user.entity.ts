import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { REGIONS, ROLES, sqlStringList } from '@app/common';
import type { Region, Role } from '@app/common';

/** A staff account. Citizens have no account: they hold a report's access code instead. */
@Entity({ name: 'users' })
@Unique('uq_users_email', ['email'])
@Check('ck_users_email_lower', `"email" = lower("email")`)
@Check('ck_users_role', `"role" IN (${sqlStringList(ROLES)})`)
@Check('ck_users_region', `"region" IN (${sqlStringList(REGIONS)})`)
@Check('ck_users_investigator_region', `"role" <> 'investigator' OR "region" IS NOT NULL`)
@Check('ck_users_failed_logins', `"failed_logins" >= 0`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id!: string;

  /** Stored lower-case; the check constraint rejects anything else. */
  @Column({ name: 'email', type: 'text' })
  email!: string;

  /** argon2id. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'role', type: 'text' })
  role!: Role;

  /** Null means national (supervisors and admins only). */
  @Column({ name: 'region', type: 'text', nullable: true })
  region!: Region | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  /** Part of every access token; bumping it revokes the user's tokens. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
