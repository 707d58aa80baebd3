import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { User } from '../entities';

/** Claims of a staff access token. `tv` is the user's token_version at sign-in. */
export interface AccessTokenClaims {
  sub: string;
  tv: number;
}

/** Signs and verifies short-lived HS256 access tokens (secret and TTL from config). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: Pick<User, 'id' | 'tokenVersion'>): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, tv: user.tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
      if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') return null;
      return { sub: claims.sub, tv: claims.tv };
    } catch {
      return null;
    }
  }
}
