import { api, ApiProblem } from '../../api/client';
import type { paths } from '../../api/schema';

/** Paths of the API with a GET. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOp<P extends GetPath> = paths[P] extends { get: infer O } ? O : never;
/** The query parameters of a GET (without path parameters: the desk screens read lists). */
export type GetQuery<P extends GetPath> =
  GetOp<P> extends { parameters: { query?: infer Q } }
    ? [NonNullable<Q>] extends [never]
      ? Record<string, never>
      : NonNullable<Q>
    : Record<string, never>;
/** The 200 JSON body of a GET. */
export type GetOk<P extends GetPath> =
  GetOp<P> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/**
 * GET through the shared client (its session and problem handling), typed from the schema:
 * the answer, or a thrown ApiProblem that react-query keeps as the query's error.
 */
export async function apiGet<P extends GetPath>(path: P, query: GetQuery<P>): Promise<GetOk<P>> {
  // openapi-fetch's own generics cannot follow a path chosen by the caller's type parameter;
  // the parameter and result types above are the schema's for that very path.
  const get = api.GET as unknown as (
    p: string,
    init: { params: { query: unknown } },
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const { data, error, response } = await get(path, { params: { query } });
  if (error !== undefined || data === undefined) throw new ApiProblem(response, error);
  return data as GetOk<P>;
}
