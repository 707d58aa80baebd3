/** One field error of a validation problem (`errors[]` of the API's problem details). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

/**
 * An RFC 9457 problem from the API (or a network failure, status 0), thrown by the console's
 * calls and kept by react-query as the query's or mutation's error.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldProblem[];

  constructor(response: Response | undefined, body: unknown) {
    const b: ProblemBody = typeof body === 'object' && body !== null ? (body as ProblemBody) : {};
    const title = typeof b.title === 'string' ? b.title : (response?.statusText ?? 'Network error');
    super(title);
    this.name = 'ApiProblem';
    this.status = response?.status ?? 0;
    this.type = typeof b.type === 'string' ? b.type : 'about:blank';
    this.title = title;
    this.detail = typeof b.detail === 'string' ? b.detail : undefined;
    this.errors = Array.isArray(b.errors)
      ? b.errors.filter(
          (e): e is FieldProblem =>
            typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string',
        )
      : [];
  }

  /** The message the API gave for one field (`amount`, `transactions[0].amount`), if any. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** The last path segment of the problem type ("case-already-claimed"), for catalogue lookups. */
  get code(): string {
    return this.type.split('/').pop() ?? this.type;
  }
}
