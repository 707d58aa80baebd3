import type { Test } from 'supertest';
import type { TestDeployment } from './test-app';

/** Where every versioned route lives; ops routes (`/health`, `/metrics`) are outside it. */
export const API_PREFIX = '/api/v1';

export const bearer = (token: string): { Authorization: string } => ({
  Authorization: `Bearer ${token}`,
});

/**
 * HTTP calls to the versioned API as one caller. Paths are relative to `/api/v1`
 * (`client.get('/cases')`); a path that already carries the prefix is refused, so no suite
 * mixes both spellings. With a token every call has its Bearer header; without one the client
 * calls as anonymous (a citizen). Each call returns the supertest request: chain `.set()`,
 * `.attach()` or `.expect()` as usual. Bodies are sent as given (`{}` when left out), wrong
 * types included.
 */
export class StaffClient {
  constructor(
    readonly d: TestDeployment,
    readonly token?: string,
  ) {}

  get(path: string): Test {
    return this.authorised(this.d.http().get(url(path)));
  }

  post(path: string, body: unknown = {}): Test {
    return this.authorised(this.d.http().post(url(path))).send(body as object);
  }

  /** A POST without a body yet: for `.attach()` and `.field()` (multipart uploads). */
  upload(path: string): Test {
    return this.authorised(this.d.http().post(url(path)));
  }

  patch(path: string, body: unknown = {}): Test {
    return this.authorised(this.d.http().patch(url(path))).send(body as object);
  }

  put(path: string, body: unknown = {}): Test {
    return this.authorised(this.d.http().put(url(path))).send(body as object);
  }

  delete(path: string): Test {
    return this.authorised(this.d.http().delete(url(path)));
  }

  private authorised(req: Test): Test {
    return this.token ? req.set(bearer(this.token)) : req;
  }
}

/** A client for a staff member (or a bare token); without one, an anonymous client. */
export function staffClient(d: TestDeployment, who?: { token: string } | string): StaffClient {
  return new StaffClient(d, typeof who === 'string' ? who : who?.token);
}

function url(path: string): string {
  if (!path.startsWith('/') || path.startsWith(`${API_PREFIX}/`)) {
    throw new Error(`StaffClient paths are relative to ${API_PREFIX}, got "${path}"`);
  }
  return `${API_PREFIX}${path}`;
}
