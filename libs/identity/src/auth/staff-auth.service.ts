import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { Repository } from 'typeorm';
import { isUuid } from '@app/common';
import { UnauthorizedProblem } from '../access/access.problems';
import { clientIp, routeOf } from '../access/request-context';
import type { StaffPrincipal } from '../access/staff-principal';
import { User } from '../entities';
import { SessionService } from '../sessions/session.service';
import { CSRF_HEADER, isUnsafeMethod, sessionCookieOf } from '../sessions/session-secrets';
import { TokenService } from './token.service';

/**
 * Turns a bearer token or a console session cookie into a principal. The user row is read on
 * every request, so a deactivation, a token_version bump, or a role/region change takes effect
 * at once. A request with an Authorization header is judged by it alone; one signed in by the
 * cookie must also carry the session's X-CSRF-Token on every unsafe method (403 otherwise).
 */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async authenticate(req: Request): Promise<StaffPrincipal> {
    if (req.headers.authorization !== undefined) return this.bearer(req.headers.authorization);
    const secret = sessionCookieOf(req.headers.cookie);
    if (!secret) throw new UnauthorizedProblem();
    const live = await this.sessions.resolve(secret, { ip: clientIp(req), route: routeOf(req) });
    if (!live) throw new UnauthorizedProblem('The session has ended; sign in again');
    if (isUnsafeMethod(req.method)) this.sessions.assertCsrf(live, req.headers[CSRF_HEADER]);
    return toPrincipal(live.user, live.session.id);
  }

  private async bearer(authorization: string): Promise<StaffPrincipal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthorizedProblem();
    const claims = await this.tokens.verify(match[1]);
    if (!claims || !isUuid(claims.sub))
      throw new UnauthorizedProblem('The access token is invalid or expired');
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new UnauthorizedProblem('The access token has been revoked');
    }
    return toPrincipal(user);
  }
}

export function toPrincipal(user: User, sessionId?: string): StaffPrincipal {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    region: user.region,
    ...(sessionId ? { sessionId } : {}),
  };
}
