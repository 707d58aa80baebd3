import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUuid } from '@app/common';
import { UnauthorizedProblem } from '../access/access.problems';
import type { StaffPrincipal } from '../access/staff-principal';
import { User } from '../entities';
import { TokenService } from './token.service';

/**
 * Turns a bearer token into a principal. The user row is read on every request, so a
 * deactivation, a token_version bump, or a role/region change takes effect at once.
 */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async authenticate(authorization: string | undefined): Promise<StaffPrincipal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
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

export function toPrincipal(user: User): StaffPrincipal {
  return { id: user.id, email: user.email, role: user.role, region: user.region };
}
