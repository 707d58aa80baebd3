/** The routes of the OpenAPI document, with their declared query params and JSON bodies. */
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export interface Route {
  method: Method;
  /** Full OpenAPI path, e.g. `/api/v1/cases/{id}`. */
  path: string;
  key: string;
  pathParams: string[];
  /** Names of the declared query parameters. */
  query: string[];
  /** The resolved JSON request schema, when the operation declares one. */
  body?: SchemaObject;
  multipart: boolean;
}

export function isRef(x: unknown): x is ReferenceObject {
  return typeof x === 'object' && x !== null && '$ref' in x;
}

function resolver(doc: OpenAPIObject) {
  const resolve = (s: SchemaObject | ReferenceObject | undefined, depth = 0): SchemaObject => {
    if (!s) return {};
    if (!isRef(s)) {
      if (depth > 6) return s;
      const out: SchemaObject = { ...s };
      if (s.properties) {
        out.properties = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]),
        );
      }
      if (s.items) out.items = resolve(s.items, depth + 1);
      if (s.allOf) {
        for (const part of s.allOf.map((p) => resolve(p, depth + 1))) {
          out.properties = { ...out.properties, ...part.properties };
          out.required = [...(out.required ?? []), ...(part.required ?? [])];
        }
      }
      return out;
    }
    const name = s.$ref.split('/').pop() ?? '';
    return resolve(doc.components?.schemas?.[name], depth + 1);
  };
  return resolve;
}

export function routesOf(doc: OpenAPIObject): Route[] {
  const resolve = resolver(doc);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter(
        (p): p is ParameterObject => !isRef(p),
      );
      const content = op.requestBody && !isRef(op.requestBody) ? op.requestBody.content : {};
      const jsonSchema = (content as RequestBodyObject['content'])['application/json']?.schema;
      routes.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: jsonSchema ? resolve(jsonSchema) : undefined,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return routes;
}

/** The top-level fields of the route's JSON body, with their schemas. */
export function bodyFields(route: Route): Array<[string, SchemaObject]> {
  return Object.entries(route.body?.properties ?? {}) as Array<[string, SchemaObject]>;
}

export const isWrite = (route: Route): boolean => ['post', 'put', 'patch'].includes(route.method);
