/**
 * The response-contract check: every response a test deployment sends is checked against the
 * OpenAPI document, so an undeclared status, media type or field (a leak) or a wrong type
 * fails the test that received it (docs/development.md, "Tests").
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { declaredResponse, Operation, operationsOf, SchemaValidator } from './openapi-schema';

/** Where each suite appends the operations it reached; the e2e teardown prints the total. */
export const CONTRACT_COVERAGE_DIR = join(__dirname, '..', '..', 'coverage', 'openapi-contract');

/** Not API routes: the citizen form's files, the docs UI; `/metrics` is text, checked by status. */
const EXCLUDED = [/^\/api\/docs/];
const ROOT_ALIASES = /^\/(health\/|metrics$)/;

export interface ContractViolation {
  test: string;
  request: string;
  message: string;
}

function currentTest(): string {
  // Outside a test (beforeAll/afterAll) jest has no current test name.
  const state = (
    globalThis as { expect?: { getState?: () => { currentTestName?: string } } }
  ).expect?.getState?.();
  return state?.currentTestName ?? '(hook)';
}

function mediaType(res: ServerResponse): string | undefined {
  const header = res.getHeader('content-type');
  return typeof header === 'string' ? header.split(';')[0].trim().toLowerCase() : undefined;
}

export class ResponseContract {
  private readonly operations: Operation[];
  private readonly validator: SchemaValidator;
  private readonly pending: ContractViolation[] = [];
  readonly covered = new Set<string>();

  constructor(
    doc: OpenAPIObject,
    private readonly label: string,
    private readonly defer = process.env.CONTRACT_DEFER === '1',
  ) {
    this.operations = operationsOf(doc);
    this.validator = new SchemaValidator(doc);
  }

  /** Hooks the server ahead of Express, so body-parser and guard answers are seen too. */
  install(server: Server): void {
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const test = currentTest();
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      const keep = (chunk: unknown) => {
        if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
        else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk);
        return write(chunk, ...rest);
      }) as ServerResponse['write'];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') keep(chunk);
        this.check(test, method, url, res, Buffer.concat(chunks));
        return end(chunk, ...rest);
      }) as ServerResponse['end'];
    });
  }

  private check(test: string, method: string, url: string, res: ServerResponse, body: Buffer) {
    let path = url.split('?')[0];
    if (ROOT_ALIASES.test(path)) path = `/api/v1${path}`;
    if (!path.startsWith('/api/') || EXCLUDED.some((re) => re.test(path))) return;
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    // Not a route (an unknown path or method): Nest's 404, nothing a client is built against.
    if (!operation) return;
    this.covered.add(operation.key);
    const request = `${method} ${url.slice(0, 200)} → ${res.statusCode}`;
    const fail = (message: string) => this.pending.push({ test, request, message });
    const response = declaredResponse(operation.op, res.statusCode);
    if (!response) return fail(`status ${res.statusCode} is not declared for ${operation.key}`);
    const content = response.content ?? {};
    const type = mediaType(res);
    if (body.length === 0) return;
    if (!type || !(type in content)) {
      return fail(
        `media type ${type ?? 'none'} is not declared for ${res.statusCode} ` +
          `(declared: ${Object.keys(content).join(', ') || 'no body'})`,
      );
    }
    const schema = content[type].schema;
    if (!schema || !type.endsWith('json')) return;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return fail('body is not JSON');
    }
    const error = this.validator.check(schema, value);
    if (error) fail(`body does not match the schema: ${error}`);
  }

  /**
   * Throws (once) for the violations recorded since the last call. With
   * `CONTRACT_DEFER=1` requests do not throw and the suite lists every violation at `close()`,
   * to see them all in one run (the check still fails the suite).
   */
  assertClean(final = false): void {
    if (!final && this.defer) return;
    const found = this.pending.splice(0);
    if (found.length === 0) return;
    const lines = found.map((v) => `- ${v.request}: ${v.message}\n  (in "${v.test}")`);
    throw new Error(
      `${found.length} response(s) do not match the OpenAPI document:\n${lines.join('\n')}`,
    );
  }

  /** Appends the operations this suite reached, for the run's coverage summary. */
  recordCoverage(): void {
    mkdirSync(CONTRACT_COVERAGE_DIR, { recursive: true });
    const line = JSON.stringify({ label: this.label, covered: [...this.covered] });
    appendFileSync(join(CONTRACT_COVERAGE_DIR, 'covered.jsonl'), `${line}\n`);
  }
}

const AGENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * A supertest agent whose requests, once awaited, also assert the contract: the violation
 * fails the awaiting test, not a later one.
 */
export function checkedAgent<T extends object>(agent: T, contract: ResponseContract): T {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !AGENT_METHODS.has(prop) || typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        const test = (value as (...a: unknown[]) => PromiseLike<unknown>).apply(target, args);
        const then = test.then.bind(test);
        (test as { then: PromiseLike<unknown>['then'] }).then = (onOk, onFail) =>
          then((res) => {
            contract.assertClean();
            return res;
          }).then(onOk, onFail);
        return test;
      };
    },
  });
}
