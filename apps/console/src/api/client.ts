import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiProblem } from './problem';

export { ApiProblem };
export type { FieldProblem } from './problem';

/** The session's CSRF token (from sign-in, GET /auth/session and each refresh); memory only. */
let csrfToken: string | null = null;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const unauthorisedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header the session routes declare in the contract (the middleware sets it everywhere else). */
export function csrfHeader(): { 'X-CSRF-Token': string } {
  return { 'X-CSRF-Token': csrfToken ?? '' };
}

/** Called when any call answers 401: the session ended (idle, revoked, signed out elsewhere). */
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    const isSessionCall = new URL(request.url).pathname.startsWith('/api/v1/auth/session');
    if (response.status === 401 && !isSessionCall) for (const l of unauthorisedListeners) l();
    return response;
  },
};

/**
 * The console's API client, typed from docs/openapi.json (`npm run console:types`): a changed
 * path, field or code breaks the console's type check. The session rides on the httpOnly
 * cookie; no token is ever readable by scripts.
 */
export const api = createClient<paths>({
  baseUrl: location.origin,
  credentials: 'same-origin',
  // The API takes lists comma-separated (`status=open,in_review`).
  querySerializer: { array: { style: 'form', explode: false } },
});
api.use(session);

/** The data of a call, or its problem thrown (for react-query's queryFn / mutationFn). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw new ApiProblem(undefined, { title: String(error) });
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiProblem(result.response, result.error);
  }
  return result.data as T;
}
