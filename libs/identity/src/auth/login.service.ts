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
import { LoginAttemptsService } from './login-attempts.service';
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

/**
 * Password sign-in with brute-force protection: failures are slowed, then the account
 * (users.failed_logins / locked_until) or the client IP is locked for LOGIN_LOCK_MINUTES.
 * Unknown emails, wrong passwords and deactivated accounts answer the same 401.
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

  async login(email: string, password: string, ctx: LoginContext): Promise<LoginResult> {
    const ipLock = await this.attempts.lockedFor(ctx.ip);
    if (ipLock > 0) throw new LoginLockedProblem(ipLock);

    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const now = Date.now();
    if (user?.lockedUntil && user.lockedUntil.getTime() > now) {
      throw new LoginLockedProblem(Math.ceil((user.lockedUntil.getTime() - now) / 1000));
    }
    // Unknown accounts still pay for one argon2 verification, so timing does not tell.
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummy()), password);
    if (user && ok && user.active) return this.succeed(user, ctx);
    return this.fail(user, ok ? 'inactive' : user ? 'wrong-password' : 'unknown-account', ctx);
  }

  private async succeed(user: User, ctx: LoginContext): Promise<LoginResult> {
    await this.users.update(
      { id: user.id },
      { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() },
    );
    const fresh = await this.users.findOneOrFail({ where: { id: user.id } });
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: 'auth.login',
      route: ctx.route,
      targetType: 'user',
      targetId: user.id,
      ip: ctx.ip,
    });
    return {
      accessToken: await this.tokens.sign(fresh),
      expiresIn: this.config.jwtTtlSeconds,
      user: fresh,
    };
  }

  private async fail(user: User | null, reason: string, ctx: LoginContext): Promise<never> {
    let accountFailures = 0;
    let locked = false;
    if (user) {
      // One atomic statement, so concurrent guesses cannot slip past the threshold.
      const rows = (await this.users.query(
        `UPDATE "users"
            SET "failed_logins" = "failed_logins" + 1,
                "locked_until" = CASE WHEN "failed_logins" + 1 >= $2
                                      THEN now() + make_interval(mins => $3)
                                      ELSE "locked_until" END
          WHERE "id" = $1
      RETURNING "failed_logins", "locked_until"`,
        [user.id, this.config.login.maxFailures, this.config.login.lockMinutes],
      )) as [Array<{ failed_logins: number; locked_until: Date | null }>, number];
      const row = rows[0][0];
      accountFailures = row?.failed_logins ?? 0;
      locked = accountFailures >= this.config.login.maxFailures;
    }
    const ipFailures = await this.attempts.recordFailure(ctx.ip);
    await this.audit.record({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: locked ? 'auth.locked' : 'auth.login_failed',
      route: ctx.route,
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      ip: ctx.ip,
      detail: { reason, accountFailures, ipFailures },
    });
    await sleep(failureDelayMs(Math.max(accountFailures, ipFailures)));
    throw new UnauthorizedProblem('Email or password is wrong');
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }
}
