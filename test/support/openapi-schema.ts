/** OpenAPI 3.0 schemas as JSON Schema for ajv, and the document's path templates as matchers. */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { isRef, METHODS } from './openapi-routes';

const DOC_ID = 'openapi';

/**
 * `nullable: true` is OpenAPI 3.0's, not JSON Schema's: it becomes `anyOf [schema, null]`.
 * Local `$ref`s point into the document registered under DOC_ID.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = `${DOC_ID}${value}`;
    // Property names are data, not keywords: keep them, convert their schemas.
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]),
      );
    } else out[key] = toJsonSchema(value);
  }
  if ((schema as { nullable?: unknown }).nullable === true) {
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export interface Operation {
  method: string;
  path: string;
  key: string;
  op: OperationObject;
  pattern: RegExp;
  params: number;
}

export function operationsOf(doc: OpenAPIObject): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const source = path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        op,
        pattern: new RegExp(`^${source}$`),
        params: (path.match(/\{/g) ?? []).length,
      });
    }
  }
  // A literal segment wins over a parameter: `/cases/next/claim` before `/cases/{id}/claim`.
  return ops.sort((a, b) => a.params - b.params);
}

export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly cache = new WeakMap<object, ValidateFunction>();

  constructor(doc: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(
      { $id: DOC_ID, components: { schemas: toJsonSchema(doc.components?.schemas ?? {}) } },
      DOC_ID,
    );
  }

  /** Error text of `value` against `schema`, or null when it conforms. */
  check(schema: object, value: unknown): string | null {
    let validate = this.cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(schema, validate);
    }
    if (validate(value)) return null;
    return this.ajv.errorsText(validate.errors, { dataVar: 'body' });
  }
}

export function declaredResponse(op: OperationObject, status: number): ResponseObject | undefined {
  const response = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
  return response && !isRef(response) ? response : undefined;
}
