import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { ProblemSchema, problemResponse } from '@app/common';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = getSchemaPath(ProblemSchema);

type Schema = SchemaObject | ReferenceObject;

function isRef(s: unknown): s is ReferenceObject {
  return typeof s === 'object' && s !== null && '$ref' in s;
}

function methodOperations(document: OpenAPIObject): Array<[string, OperationObject]> {
  return Object.values(document.paths).flatMap((item) =>
    METHODS.flatMap((m): Array<[string, OperationObject]> => (item[m] ? [[m, item[m]]] : [])),
  );
}

function operations(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    METHODS.map((m) => item[m]).filter((op): op is OperationObject => op !== undefined),
  );
}

/**
 * Closes every schema a success response reaches (`additionalProperties: false`), so a field
 * the document does not declare, a leak, fails the response-contract check. Problems stay open:
 * RFC 9457 allows extension members.
 */
function closeSchemas(document: OpenAPIObject): void {
  const components = document.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (isRef(schema)) {
      if (schema.$ref === PROBLEM_REF || seen.has(schema.$ref)) return;
      seen.add(schema.$ref);
      visit(components[schema.$ref.split('/').pop() ?? '']);
      return;
    }
    if (schema.properties) {
      schema.additionalProperties ??= false;
      Object.values(schema.properties).forEach(visit);
    }
    if (schema.items) visit(schema.items);
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
      visit(part);
  };
  for (const op of operations(document)) {
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      if (!status.startsWith('2') || !response || isRef(response)) continue;
      for (const media of Object.values(response.content ?? {})) visit(media.schema);
    }
  }
}

/**
 * What every operation can answer whatever its route: a `503` when PostgreSQL or Redis is
 * down; for every write (POST, PUT, PATCH: the JSON parser reads any body) its `400`
 * (malformed JSON) and `413`; for a route with path parameters the `400` of a malformed
 * percent-encoding.
 */
function addCommonProblems(document: OpenAPIObject): void {
  for (const [method, op] of methodOperations(document)) {
    // The JSON parser reads the body of every write, declared or not.
    const write = method !== 'get' && method !== 'delete';
    op.responses ??= {};
    const add = (status: number) => (op.responses[status] ??= problemResponse(status));
    // Express answers a path that is not valid percent-encoding (`/cases/%E0%A4%A`) with 400.
    if (write || op.parameters?.some((p) => !isRef(p) && p.in === 'path')) add(400);
    if (write) add(413);
    add(503);
  }
}

/**
 * An operation without a guard is public: say so (`security: []`) rather than leave it to the
 * reader. `@Auth` on a controller and on its handler names the bearer scheme twice: once is
 * enough.
 */
function declareSecurity(document: OpenAPIObject): void {
  for (const op of operations(document)) {
    const names = new Set((op.security ?? []).map((requirement) => JSON.stringify(requirement)));
    op.security = [...names].map((name) => JSON.parse(name) as Record<string, string[]>);
  }
}

/** OpenAPI 3.0: a nullable enum lists `null` among its values, or null is not one of them. */
function nullableEnums(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as SchemaObject;
  if (s.nullable && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
  Object.values(s).forEach(nullableEnums);
}

/** List filters in a query string are comma-separated (`?status=open,in_review`). */
function commaSeparatedLists(document: OpenAPIObject): void {
  for (const op of operations(document)) {
    for (const param of op.parameters ?? []) {
      if (isRef(param) || param.in !== 'query') continue;
      const schema = param.schema;
      if (schema && !isRef(schema) && schema.type === 'array') {
        param.style = 'form';
        param.explode = false;
      }
    }
  }
}

/** What the decorators cannot say per route, applied to the whole document once. */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  addCommonProblems(document);
  closeSchemas(document);
  declareSecurity(document);
  commaSeparatedLists(document);
  nullableEnums(document.components?.schemas);
  return document;
}
