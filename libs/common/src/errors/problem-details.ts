import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** Problem type URIs are relative references to the docs of each error code. */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

export function problem(
  status: number,
  code: string,
  detail?: string,
  extras: Record<string, unknown> = {},
  title?: string,
): ProblemDetails {
  const resolvedTitle = title ?? STATUS_CODES[status] ?? 'Error';
  // Extras never override the standard members; `detail` is always there (the OpenAPI
  // `Problem` requires it), the title when nothing more specific is known.
  return {
    ...extras,
    type: problemType(code),
    title: resolvedTitle,
    status,
    detail: detail || resolvedTitle,
  };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'error');
}
