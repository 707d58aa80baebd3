import { HttpStatus } from '@nestjs/common';
import { DomainException, ForbiddenProblem } from '@app/common';

/** 401: no token, a bad or expired one, or one of a deactivated / revoked account. */
export class UnauthorizedProblem extends DomainException {
  constructor(detail = 'A valid staff access token is required') {
    super('unauthorized', HttpStatus.UNAUTHORIZED, 'Unauthorized', detail);
  }
}

/** What a denied request tried to reach; goes to the `access.denied` audit row. */
export interface AccessTarget {
  type: string;
  id?: string | null;
}

/**
 * 403 with the reason and target attached, so the access-audit interceptor can write a precise
 * `access.denied` row. Still a `ForbiddenProblem` for everything else.
 */
export class AccessDeniedProblem extends ForbiddenProblem {
  constructor(
    readonly reason: 'role' | 'region',
    readonly target: AccessTarget | null = null,
    detail = reason === 'region'
      ? 'This record belongs to another region'
      : 'Your role may not perform this action',
  ) {
    super(detail);
  }
}
