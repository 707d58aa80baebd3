import { readFileSync } from 'node:fs';
import type { OpenAPIObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { buildOfflineDocument, OPENAPI_FILE } from './openapi';

/** The document builds without PostgreSQL or Redis, and says what every client needs. */
describe('the OpenAPI document', () => {
  let text: string;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    text = await buildOfflineDocument();
    doc = JSON.parse(text) as OpenAPIObject;
  }, 60_000);

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((m) => item[m])
        .map((m) => ({ key: `${m.toUpperCase()} ${path}`, op: item[m]! })),
    );

  it('is the committed docs/openapi.json (regenerate with `npm run openapi`)', () => {
    expect(text).toEqual(readFileSync(OPENAPI_FILE, 'utf8'));
  });

  it('gives every operation an id, a summary, a 2xx and a 503 with Retry-After', () => {
    const lacking = operations().filter(({ op }) => {
      const statuses = Object.keys(op.responses);
      const unavailable = op.responses['503'] as ResponseObject | undefined;
      return (
        !op.operationId ||
        !op.summary ||
        !statuses.some((s) => s.startsWith('2')) ||
        !unavailable?.headers?.['Retry-After']
      );
    });
    expect(lacking.map((o) => o.key)).toEqual([]);
  });

  it('answers every problem status with the one Problem schema', () => {
    const wrong = operations().flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([, r]) => {
          const schema = (r as ResponseObject).content?.['application/problem+json']?.schema;
          return !schema || !('$ref' in schema) || schema.$ref !== '#/components/schemas/Problem';
        })
        .map(([status]) => `${key} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('types no field as a bare object', () => {
    const bare: string[] = [];
    const visit = (schema: SchemaObject, at: string) => {
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties) {
        if (!schema.allOf) bare.push(at);
      }
      for (const [name, s] of Object.entries(schema.properties ?? {})) {
        if (!('$ref' in s)) visit(s, `${at}.${name}`);
      }
    };
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (!('$ref' in schema)) visit(schema, name);
    }
    expect(bare).toEqual([]);
  });
});
