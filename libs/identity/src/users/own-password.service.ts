import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadRequestProblem } from '@app/common';
import { AuditService } from '@app/audit';
import type { StaffPrincipal } from '../access/staff-principal';
import { UnauthorizedProblem } from '../access/access.problems';
import { LoginContext, LoginService } from '../auth/login.service';
import { User } from '../entities';
import { SessionService } from '../sessions/session.service';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';

/**
 * A staff member changes their own password (`POST /me/password`). The current password is
 * checked through the sign-in limits (LoginService.check: a wrong one counts as a failed
 * sign-in, a locked account is a 429 and checks nothing). The change bumps `token_version`, so
 * every bearer token issued before it stops working, and revokes every other console session;
 * the session it was made from, if any, stays signed in.
 */
@Injectable()
export class OwnPasswordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async change(
    principal: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
    ctx: LoginContext,
  ): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: principal.id } });
    if (!user) throw new UnauthorizedProblem();
    const checked = await this.login.check(
      user.email,
      user,
      currentPassword,
      ctx,
      'password-change',
    );
    if (!checked) {
      throw new BadRequestProblem('The current password is wrong', [
        { field: 'currentPassword', message: 'currentPassword is wrong' },
      ]);
    }
    const weak =
      passwordProblem(newPassword, { email: user.email }) ??
      ((await verifyPassword(checked.passwordHash, newPassword))
        ? 'newPassword must differ from the current password'
        : null);
    if (weak) {
      throw new BadRequestProblem('The new password is not acceptable', [
        { field: 'newPassword', message: weak.replace(/^password\b/, 'newPassword') },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `UPDATE "users"
            SET "password_hash" = $2, "token_version" = "token_version" + 1,
                "failed_logins" = 0, "locked_until" = NULL, "updated_at" = now()
          WHERE "id" = $1
        RETURNING "token_version"`,
        [user.id, passwordHash],
      )) as [Array<{ token_version: number }>, number];
      const tokenVersion = row[0].token_version;
      const revoked = await this.sessions.revokeOthers(
        manager,
        user.id,
        principal.sessionId,
        tokenVersion,
      );
      await this.audit.record(
        {
          actorId: user.id,
          actorRole: user.role,
          action: 'user.password_changed',
          route: ctx.route,
          targetType: 'user',
          targetId: user.id,
          ip: ctx.ip,
          detail: {
            via: principal.sessionId ? 'session' : 'bearer',
            sessionsRevoked: revoked,
            tokensRevoked: true,
          },
        },
        manager,
      );
    });
  }
}
