import { HttpStatus } from '@nestjs/common';

export interface ProblemExtras {
  [key: string]: unknown;
}

/**
 * Base of every business-rule failure. Services throw these; one filter maps them to RFC 9457
 * problem details, so HTTP status and wording live in one place per error code.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly title: string,
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail ?? title);
    this.name = 'DomainException';
  }
}

export class NotFoundProblem extends DomainException {
  constructor(what: string, detail?: string) {
    super('not-found', HttpStatus.NOT_FOUND, `${what} not found`, detail);
  }
}

export class ConflictProblem extends DomainException {
  constructor(code: string, detail: string, extras: ProblemExtras = {}) {
    super(code, HttpStatus.CONFLICT, 'Conflict', detail, extras);
  }
}

export class ForbiddenProblem extends DomainException {
  constructor(detail = 'You may not access this resource') {
    super('forbidden', HttpStatus.FORBIDDEN, 'Forbidden', detail);
  }
}

export class BadRequestProblem extends DomainException {
  constructor(detail: string, errors?: FieldError[]) {
    super('bad-request', HttpStatus.BAD_REQUEST, 'Bad Request', detail, errors ? { errors } : {});
  }
}

/** A dependency is down: the filter adds `Retry-After` to every 503. */
export class ServiceUnavailableProblem extends DomainException {
  constructor(detail: string, extras: ProblemExtras = {}) {
    super('unavailable', HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', detail, extras);
  }
}

export interface FieldError {
  field: string;
  message: string;
}
