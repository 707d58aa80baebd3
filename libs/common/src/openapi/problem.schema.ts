import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

export class ProblemFieldErrorSchema {
  @ApiProperty({ example: 'transactions[0].amount', description: 'Path of the field in the input' })
  field!: string;

  @ApiProperty({ example: 'amount must be greater than 0' })
  message!: string;
}

/**
 * The one error body of the API (RFC 9457). Extension members (`allowed` on a refused
 * transition, `errorId` on a 500) may follow, so the schema stays open.
 */
@ApiSchema({ name: 'Problem' })
export class ProblemSchema {
  @ApiProperty({
    format: 'uri-reference',
    example: '/problems/validation-failed',
    description: 'Relative reference naming the error code',
  })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields' })
  detail!: string;

  @ApiPropertyOptional({ format: 'uri-reference' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorSchema], description: 'One entry per bad field' })
  errors?: ProblemFieldErrorSchema[];
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: `errors` names each bad field',
  401: 'Missing, invalid, expired or revoked token',
  403: 'Role or region not allowed',
  404: 'Not found (a malformed id is the same 404)',
  409: 'Conflicts with the current state; nothing was written',
  413: 'Request body or upload too large',
  415: 'Unsupported content type',
  422: 'Well-formed but refused',
  423: 'Locked',
  429: 'Too many requests; retry after `Retry-After` seconds',
  503: 'A dependency (PostgreSQL, Redis) is unavailable; retry after `Retry-After` seconds',
};

/** Statuses whose problem comes with a `Retry-After` header. */
const RETRY_AFTER: ReadonlySet<number> = new Set([429, 503]);

export const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;

/** The response object of a problem status, for the decorators and the document's backfill. */
export function problemResponse(status: number, description?: string) {
  return {
    description: description ?? DESCRIPTIONS[status as ProblemStatus] ?? 'Problem',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
    ...(RETRY_AFTER.has(status) ? { headers: RETRY_AFTER_HEADER } : {}),
  };
}

/**
 * Declares the problem responses of a route: `@ApiProblems(400, 404, 409)`, or with a
 * route-specific description: `@ApiProblems([409, 'Already reversed'])`.
 */
export function ApiProblems(...statuses: Array<ProblemStatus | [ProblemStatus, string]>) {
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, undefined];
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}
