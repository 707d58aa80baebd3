import type { NextFunction, Request, Response } from 'express';
import type { FraudMetrics } from './fraud-metrics';
import { UNMATCHED_ROUTE } from './metric-names';

/**
 * Times every request into `http_request_duration_seconds`, labelled with the Express route
 * PATTERN (`/api/v1/reports/:reference/status`), never the URL: references, phones and ids in
 * paths must not become label values. Requests no route matched share one label.
 */
export function httpMetricsMiddleware(metrics: FraudMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.observeHttpRequest(req.method, routePattern(req), res.statusCode, seconds);
    });
    next();
  };
}

function routePattern(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : UNMATCHED_ROUTE;
}
