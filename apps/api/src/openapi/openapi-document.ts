import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemSchema } from '@app/common';
import { completeDocument } from './complete-document';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/**
 * The OpenAPI document of the API, built from the controllers' decorators only: it needs the
 * module graph, not a database or Redis, so tools/openapi.ts can build it offline.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fraud report intake and case tracking')
      .setDescription(
        'Citizens report internet fraud; investigators work case queues; supervisors pull totals. ' +
          'Errors are RFC 9457 problem details (`application/problem+json`, schema `Problem`). ' +
          'Money is a decimal string with two places.',
      )
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      .addServer('/', 'This deployment')
      .addTag('reports (citizen)', 'File a report; check it and add to it with the access code')
      .addTag('staff auth', 'Sign-in and the signed-in staff member')
      .addTag('cases', 'The investigator queue and the case workflow')
      .addTag('funds', 'The ledger: freezes, releases, reimbursements, freeze requests')
      .addTag('identifiers', 'Reports and cases that share a suspect identifier')
      .addTag('reports (staff)', 'The full report, for staff')
      .addTag('stats', 'Supervisor totals and queue figures')
      .addTag('admin', 'Staff accounts and the queue dashboard')
      .addTag('ops', 'Liveness, readiness and Prometheus metrics')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addCookieAuth(
        'fraud_session',
        {
          type: 'apiKey',
          in: 'cookie',
          name: 'fraud_session',
          description:
            'The console session (POST /auth/session); unsafe methods also need X-CSRF-Token',
        },
        'session',
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Access-Code',
          description: "The report's one-time access code, shown when it was filed",
        },
        'access-code',
      )
      .build(),
    { extraModels: [ProblemSchema] },
  );
  return completeDocument(document);
}
