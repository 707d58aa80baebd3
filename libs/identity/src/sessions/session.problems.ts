import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

/** Codes of the CSRF 403s (problem `type` is `/problems/<code>`). */
export type CsrfProblemCode = 'csrf-token-missing' | 'csrf-token-invalid';

/**
 * 403: a cookie-authenticated POST, PUT, PATCH or DELETE without the session's
 * `X-CSRF-Token`, or with another one. Thrown by the staff guard, so the handler never ran.
 */
export class CsrfProblem extends DomainException {
  constructor(
    readonly csrfCode: CsrfProblemCode,
    /** The session's user, for the `access.denied` audit row. */
    readonly actor: { id: string; role: string } | null = null,
  ) {
    super(
      csrfCode,
      HttpStatus.FORBIDDEN,
      'Forbidden',
      csrfCode === 'csrf-token-missing'
        ? 'A request signed in by the session cookie must send X-CSRF-Token'
        : 'X-CSRF-Token does not match the session',
    );
  }
}
