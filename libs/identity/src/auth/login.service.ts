import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Repository } from 'typeorm';
import { DomainException } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditService } from '@app/audit';
import { UnauthorizedProblem } from '../access/access.problems';
import { User } from '../entities';
import { hashPassword, verifyPassword } from '../users/password';
import { LoginAttemptsService, Reservation } from './login-attempts.service';
import { TokenService } from './token.service';

/** 429 for a locked account or IP; `retryAfterSeconds` goes to the Retry-After header. */
export class LoginLockedProblem extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'login-locked',
      HttpStatus.TOO_MANY_REQUESTS,
      'Too Many Requests',
      'Too many failed sign-in attempts; try again later',
      { retryAfterSeconds },
    );
  }
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface LoginContext {
  ip: string | null;
  route: string;
}

/** Response delay after the n-th consecutive failure: 0, 250, 500, 1000, then 2000 ms. */
export function failureDelayMs(failures: number): number {
  return failures <= 1 ? 0 : Math.min(2000, 250 * 2 ** (failures - 2));
}

/** Why the password is checked: a sign-in, or the re-check before the user's own change. */
export type PasswordCheckPurpose = 'sign-in' | 'password-change';

/**
 * Password checks with brute-force protection (LoginAttemptsService): an attempt is reserved
 * against every limit before its password is checked; a locked one is a 429 and checks nothing.
 * Failures are answered after a growing delay. Unknown emails, wrong passwords and deactivated
 * accounts answer the same 401. `POST /auth/login`, `POST /auth/session` and the current
 * password of `POST /me/password` all go through `check`, so they share every counter.
 */
@Injectable()
export class LoginService {
  private dummyHash?: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttemptsService,
    private readonly audit: AuditService,
  ) {}

  /** `POST /auth/login`: a bearer token. */
  async login(rawEmail: string, password: string, ctx: LoginContext): Promise<LoginResult> {
    const user = await this.signIn(rawEmail, password, ctx);
    return {
      accessToken: await this.tokens.sign(user),
      expiresIn: this.config.jwtTtlSeconds,
      user,
    };
  }

  /** The account of a right email and password (fresh from the database); 401 or 429 else. */
  async signIn(rawEmail: string, password: string, ctx: LoginContext): Promise<User> {
    const email = rawEmail.trim().toLowerCase();
    const user = await this.users.findOne({ where: { email } });
    const ok = await this.check(email, user, password, ctx, 'sign-in');
    if (!ok) throw new UnauthorizedProblem('Email or password is wrong');
    return ok;
  }

  /**
   * Counts and checks one password attempt for `email`: the fresh user when it is right and
   * the account active, null (after the audit row and the delay) otherwise; 429 when locked.
   */
  async check(
    email: string,
    user: User | null,
    password: string,
    ctx: LoginContext,
    purpose: PasswordCheckPurpose,
  ): Promise<User | null> {
    const attempt = await this.attempts.reserve(email, user?.id ?? null, ctx.ip);
    if (!attempt.reserved) throw new LoginLockedProblem(attempt.retryAfterSeconds);
    // Unknown accounts still pay for one argon2 verification, so timing does not tell.
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummy()), password);
    if (user && ok && user.active) return this.succeed(user, attempt.reservation, ctx, purpose);
    const reason = ok ? 'inactive' : user ? 'wrong-password' : 'unknown-account';
    await this.fail(user, reason, attempt.reservation, ctx, purpose);
    return null;
  }

  private async succeed(
    user: User,
    reservation: Reservation,
    ctx: LoginContext,
    purpose: PasswordCheckPurpose,
  ): Promise<User> {
    await this.attempts.succeeded(reservation);
    await this.users.update(
      { id: user.id },
      {
        failedLogins: 0,
        lockedUntil: null,
        ...(purpose === 'sign-in' ? { lastLoginAt: new Date() } : {}),
      },
    );
    const fresh = await this.users.findOneOrFail({ where: { id: user.id } });
    if (purpose === 'sign-in') {
      await this.audit.record({
        actorId: user.id,
        actorRole: user.role,
        action: 'auth.login',
        route: ctx.route,
        targetType: 'user',
        targetId: user.id,
        ip: ctx.ip,
      });
    }
    return fresh;
  }

  private async fail(
    user: User | null,
    reason: string,
    r: Reservation,
    ctx: LoginContext,
    purpose: PasswordCheckPurpose,
  ): Promise<void> {
    // The attempt was counted when it was reserved; here it is only reported and slowed.
    await this.audit.record({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: r.locks.length > 0 ? 'auth.locked' : 'auth.login_failed',
      route: ctx.route,
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      ip: ctx.ip,
      detail: {
        reason,
        purpose,
        pairFailures: r.pairFailures,
        accountFailures: r.accountFailures,
        ...(r.locks.length > 0 ? { locks: r.locks } : {}),
      },
    });
    await sleep(failureDelayMs(r.pairFailures));
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }
}
