import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditService } from '@app/audit';
import { SessionRevokeReason, StaffSession, User } from '../entities';
import { CsrfProblem } from './session.problems';
import { csrfTokenFor, digest, newSessionSecret, sameDigest } from './session-secrets';

/** A session handed to its holder: the cookie value and the CSRF token go out once each. */
export interface IssuedSession {
  secret: string;
  csrfToken: string;
  session: StaffSession;
  user: User;
}

/** A live session found by its cookie value. */
export interface LiveSession {
  secret: string;
  session: StaffSession;
  user: User;
}

/** Who did it and from where, for the audit row. */
export interface SessionContext {
  ip: string | null;
  route: string;
}

const STALE_SWEEP_EVERY_MS = 60_000;

/**
 * Console cookie sessions (docs/access.md, "Console sessions"): opened after a password check,
 * looked up by the SHA-256 of the cookie value, rotated by refresh, revoked by sign-out, by a
 * replayed rotated-out value, or by a password change. Ends on its own after
 * SESSION_IDLE_MINUTES without a refresh and SESSION_MAX_HOURS after sign-in, and with the
 * account's `token_version` (an admin reset or a deactivation).
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A new session of a user whose password was just checked. */
  async open(user: User): Promise<IssuedSession> {
    this.sweepStaleRows();
    const secret = newSessionSecret();
    const csrfToken = this.csrfToken(secret);
    const now = Date.now();
    const expiresAt = new Date(now + this.config.sessions.maxHours * 3_600_000);
    const repo = this.dataSource.getRepository(StaffSession);
    const session = await repo.save(
      repo.create({
        userId: user.id,
        tokenHash: digest(secret),
        previousTokenHash: null,
        csrfHash: digest(csrfToken),
        tokenVersion: user.tokenVersion,
        idleExpiresAt: this.idleEnd(now, expiresAt),
        expiresAt,
      }),
    );
    return { secret, csrfToken, session, user };
  }

  /**
   * The live session of a cookie value, or null. A value that a refresh rotated out revokes
   * its session: either the holder's copy or a thief's was used after the other refreshed.
   */
  async resolve(secret: string, ctx: SessionContext): Promise<LiveSession | null> {
    const hash = digest(secret);
    const session = await this.dataSource.getRepository(StaffSession).findOne({
      where: [{ tokenHash: hash }, { previousTokenHash: hash }],
      relations: { user: true },
    });
    if (!session?.user) return null;
    if (session.tokenHash !== hash) {
      await this.revokeReplayed(session, ctx);
      return null;
    }
    const now = Date.now();
    const live =
      session.revokedAt === null &&
      // A new JWT_SECRET (the CSRF key) ends every session rather than strand it without a token.
      sameDigest(digest(this.csrfToken(secret)), session.csrfHash) &&
      session.expiresAt.getTime() > now &&
      session.idleExpiresAt.getTime() > now &&
      session.user.active &&
      session.user.tokenVersion === session.tokenVersion;
    return live ? { secret, session, user: session.user } : null;
  }

  /** The CSRF token of a live session (what `GET /auth/session` hands out again). */
  csrfToken(secret: string): string {
    return csrfTokenFor(secret, this.config.secrets.jwtSecret);
  }

  /** 403 unless `header` is the session's CSRF token; compared by digest in constant time. */
  assertCsrf(live: LiveSession, header: string | string[] | undefined): void {
    const actor = { id: live.user.id, role: live.user.role };
    if (header === undefined || header === '') throw new CsrfProblem('csrf-token-missing', actor);
    if (typeof header !== 'string' || !sameDigest(digest(header), live.session.csrfHash)) {
      throw new CsrfProblem('csrf-token-invalid', actor);
    }
  }

  /**
   * A new cookie value (and CSRF token) for a live session; the old value stops working at
   * once and becomes the replay tripwire. Of two refreshes racing with one value, one wins and
   * the other is a replay: the session is revoked (the console refreshes from one tab at a time).
   */
  async refresh(live: LiveSession, ctx: SessionContext): Promise<IssuedSession | null> {
    const secret = newSessionSecret();
    const csrfToken = this.csrfToken(secret);
    const now = Date.now();
    const idleExpiresAt = this.idleEnd(now, live.session.expiresAt);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StaffSession)
      .set({
        tokenHash: digest(secret),
        previousTokenHash: digest(live.secret),
        csrfHash: digest(csrfToken),
        refreshedAt: new Date(now),
        idleExpiresAt,
      })
      .where({ id: live.session.id, tokenHash: digest(live.secret), revokedAt: IsNull() })
      .execute();
    if (result.affected !== 1) {
      await this.revokeReplayed(live.session, ctx);
      return null;
    }
    const session = { ...live.session, idleExpiresAt, refreshedAt: new Date(now) };
    return { secret, csrfToken, session, user: live.user };
  }

  /** Sign-out: the session ends now. */
  async revoke(live: LiveSession, ctx: SessionContext): Promise<void> {
    await this.setRevoked(this.dataSource.manager, { id: live.session.id }, 'sign-out');
    await this.record(live.user, 'auth.signed_out', live.session.id, ctx);
  }

  /**
   * After a password change: every other session of the user ends, and the one it was made
   * from (if any) moves to the new `token_version`. Inside the change's transaction.
   */
  async revokeOthers(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | undefined,
    tokenVersion: number,
  ): Promise<number> {
    const others = keepSessionId ? { userId, id: Not(keepSessionId) } : { userId };
    const revoked = await this.setRevoked(manager, others, 'password-changed');
    if (keepSessionId) {
      await manager.update(StaffSession, { id: keepSessionId, userId }, { tokenVersion });
    }
    return revoked;
  }

  private async revokeReplayed(session: StaffSession, ctx: SessionContext): Promise<void> {
    const revoked = await this.setRevoked(this.dataSource.manager, { id: session.id }, 'replay');
    if (revoked > 0 && session.user) {
      await this.record(session.user, 'auth.session_replayed', session.id, ctx);
    }
  }

  private async setRevoked(
    manager: EntityManager,
    where: FindOptionsWhere<StaffSession>,
    reason: SessionRevokeReason,
  ): Promise<number> {
    const result = await manager.update(
      StaffSession,
      { ...where, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  private record(user: User, action: string, sessionId: string, ctx: SessionContext) {
    return this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action,
      route: ctx.route,
      targetType: 'session',
      targetId: sessionId,
      ip: ctx.ip,
    });
  }

  private idleEnd(now: number, expiresAt: Date): Date {
    const idle = now + this.config.sessions.idleMinutes * 60_000;
    return new Date(Math.min(idle, expiresAt.getTime()));
  }

  /** Sessions past their absolute end for a day: at most once a minute, off the request path. */
  private sweepStaleRows(): void {
    if (Date.now() - this.lastSweep < STALE_SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.dataSource
      .query(`DELETE FROM "staff_sessions" WHERE "expires_at" < now() - interval '1 day'`)
      .catch((err: unknown) => this.logger.warn({ err }, 'ended sessions not swept'));
  }
}
