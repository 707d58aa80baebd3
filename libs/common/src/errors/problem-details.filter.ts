import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainException } from './domain.exception';
import {
  COLLISION_RETRY_AFTER_SECONDS,
  dependencyOutage,
  OUTAGE_RETRY_AFTER_SECONDS,
  OutageReporter,
  PG_STATEMENT_TIMEOUT,
} from './outage';
import { PgError, sqlState } from './pg-errors';
import { codeForStatus, problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { ThrottledErrorLog } from '../logging/throttled-error-log';

/** Extension member of a 503 problem: seconds the filter puts in `Retry-After`. */
const RETRY_AFTER = 'retryAfter';

/**
 * Maps every error to RFC 9457 problem details. Unexpected errors are logged with an error id
 * that is returned to the client; the client never sees a stack trace or internal message.
 * A lost PostgreSQL or Redis connection is an expected outage, not a bug: a `503` with
 * `Retry-After`, reported to the `OutageReporter` (one log line per outage), no stack trace.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private readonly slowQueries = new ThrottledErrorLog((m) => this.logger.warn(m));

  constructor(private readonly outages?: OutageReporter) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toProblem(exception, req);
    if (res.headersSent) return;
    if (body.status === 503) {
      res.setHeader('Retry-After', String(retryAfterOf(body)));
    }
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown, req?: Request): ProblemDetails {
    if (exception instanceof DomainException) {
      return problem(
        exception.status,
        exception.code,
        exception.detail,
        exception.extras,
        exception.title,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'type' in response) {
        return response as ProblemDetails;
      }
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: unknown }).message ?? exception.message);
      const detail = Array.isArray(message) ? message.join('; ') : String(message);
      if (status < 500 || status === 503) return problem(status, codeForStatus(status), detail);
    }
    const status = bodyParserStatus(exception);
    if (status) return problem(status, codeForStatus(status), bodyParserDetail(status));
    const outage = dependencyOutage(exception);
    if (outage !== null) {
      this.outages?.reportDown(outage, exception);
      return problem(
        503,
        'unavailable',
        'A service this request needs is unavailable; retry later',
        {
          [RETRY_AFTER]: OUTAGE_RETRY_AFTER_SECONDS,
        },
      );
    }
    if (sqlState(exception) === PG_STATEMENT_TIMEOUT) {
      // A query over statement_timeout: the database is up but this request is too heavy (or
      // the database is overloaded). Logged per route, throttled, without the statement.
      this.slowQueries.record(
        `statement timeout on ${req?.method ?? ''} ${routeOf(req)}`,
        'canceled after statement_timeout',
      );
      return problem(503, 'unavailable', 'The request took too long; retry later', {
        [RETRY_AFTER]: OUTAGE_RETRY_AFTER_SECONDS,
      });
    }
    const pg = postgresProblem(exception);
    if (pg) return pg;
    const errorId = randomUUID();
    this.logger.error(
      { errorId, err: exception, method: req?.method, path: routeOf(req) },
      'unexpected error',
    );
    return problem(500, 'internal-error', 'An unexpected error occurred', { errorId });
  }
}

/** The route pattern (`/api/v1/reports/:reference/status`), never the path a client typed. */
function routeOf(req: Request | undefined): string {
  const route = (req?.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${req?.baseUrl ?? ''}${route}` : '(no route)';
}

/** Seconds for `Retry-After`; a 503 the filter did not make itself gets the outage default. */
function retryAfterOf(body: ProblemDetails): number {
  const value = body[RETRY_AFTER];
  return typeof value === 'number' ? value : OUTAGE_RETRY_AFTER_SECONDS;
}

/** Errors raised by body-parser / multer carry a status and a `type` such as entity.parse.failed. */
export function bodyParserStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && e.expose !== false)
    return status;
  return undefined;
}

function bodyParserDetail(status: number): string {
  switch (status) {
    case 413:
      return 'Request body is too large';
    case 415:
      return 'Unsupported content type';
    default:
      return 'Request body is not valid JSON';
  }
}

/**
 * Safety net for input that services did not check before it reached PostgreSQL: a value the
 * database cannot read is the client's fault (400); a constraint it breaks is a conflict (409);
 * a deadlock or serialization failure is worth a retry (503). Other database errors stay 500.
 */
export function postgresProblem(err: unknown): ProblemDetails | undefined {
  const code = sqlState(err);
  if (code === undefined) return undefined;
  if (code.startsWith('22')) {
    return problem(400, 'invalid-input', 'A value in the request is not valid for its field');
  }
  if (
    code === PgError.uniqueViolation ||
    code === PgError.checkViolation ||
    code === PgError.foreignKeyViolation
  ) {
    return problem(409, 'conflict', 'The request conflicts with the current state of the data');
  }
  if (code === PgError.serializationFailure || code === PgError.deadlockDetected) {
    return problem(503, 'unavailable', 'The request collided with another; retry it', {
      [RETRY_AFTER]: COLLISION_RETRY_AFTER_SECONDS,
    });
  }
  return undefined;
}
