import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  bodyParserStatus,
  createValidationPipe,
  jsonShapeLimit,
  LogUrlPolicy,
  problem,
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsFilter,
  codeForStatus,
  FraudMetrics,
  httpMetricsMiddleware,
} from '@app/common';
import { AppConfig } from '@app/config';
import { DependencyMonitor } from '../health/dependency-monitor';
import { CONSOLE_PATH, consoleStatic } from './console-static';
import { applyServerTimeouts } from './server-timeouts';
import { buildOpenApiDocument, DOCS_JSON_PATH, DOCS_PATH } from '../openapi/openapi-document';

export const API_PREFIX = 'api/v1';
export const PUBLIC_DIR = join(__dirname, '..', '..', 'public');

/** Ops endpoints answer at the root too (`/health/ready`, `/metrics`), as probes expect. */
function opsAliases(req: Request, _res: Response, next: NextFunction) {
  if (req.url.startsWith('/health/') || req.url === '/metrics')
    req.url = `/${API_PREFIX}${req.url}`;
  next();
}

/** Names of the web form's files and folders, which the log may show as they are. */
function publicSegments(): string[] {
  try {
    return readdirSync(PUBLIC_DIR, { recursive: true, encoding: 'utf8' }).flatMap((p) =>
      p.split(/[\\/]/),
    );
  } catch {
    return [];
  }
}

/** Body-parser failures (bad JSON, too large) happen before Nest; answer them as problems. */
function bodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction) {
  const status = bodyParserStatus(err);
  if (!status) return next(err);
  const detail = status === 413 ? 'Request body is too large' : 'Request body is not valid JSON';
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, codeForStatus(status), detail)));
}

/** Everything the API needs besides its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  applyServerTimeouts(app.getHttpServer(), config.http);
  // X-Forwarded-For is believed only from the configured proxies (TRUSTED_PROXIES); by default
  // from none, so a client cannot pick its own address for the per-IP limits.
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // Every API answer is no-store (noStoreApiAnswers), so Express's ETag (a hash of each JSON
  // body) is never used by a cache; the static files keep serve-static's own.
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Deployments behind plain HTTP on an intranet must still load the form's assets.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.enableCors({ origin: config.http.corsOrigins.length ? config.http.corsOrigins : false });
  app.use(noStoreApiAnswers);
  app.use(httpMetricsMiddleware(app.get(FraudMetrics)));
  // After helmet, whose other headers it keeps; it replaces only the CSP, with the console's.
  app.use(CONSOLE_PATH, consoleStatic(config.consoleDir));
  app.use(opsAliases);
  app.use(
    express.json({
      limit: config.http.bodyLimit,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use(bodyErrors);
  app.use(jsonShapeLimit);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(DependencyMonitor)));
  app.useStaticAssets(PUBLIC_DIR, { index: 'index.html', extensions: ['html'] });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH });

  const urls = app.get(LogUrlPolicy);
  urls.learn(document);
  urls.learnSegments(['docs', 'docs-json', 'console', 'assets', 'index.html', ...publicSegments()]);
}

/**
 * DESIGN: every answer that carries a token, an access code or personal data is
 * `Cache-Control: no-store`. Which API answers carry none is not worth guessing per route (a
 * case view names victims, a 404 may be the answer to a typed phone number): every `/api/v1`
 * answer is per caller and never cached. The web form's static files stay cacheable.
 */
function noStoreApiAnswers(req: Request, res: Response, next: NextFunction): void {
  if (req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`)) {
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}
