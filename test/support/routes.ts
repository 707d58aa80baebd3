import type { INestApplication } from '@nestjs/common';
import { API_PREFIX } from './staff-client';

/** `GET /cases/{id}`: how the route lists, the RBAC matrix and the public allow-list key a route. */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * Every route Express serves, as `GET /cases/{id}` (relative to /api/v1 when under it; other
 * paths, such as `/health/live` or `/api/docs`, as they are).
 */
export function mountedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const keys: string[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const relative = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
    const methods = Object.entries(layer.route.methods).filter(([m, on]) => on && m !== '_all');
    // Nest mounts middleware (request logging) as a route for every method: not an endpoint.
    if (methods.length > 5) continue;
    for (const [method] of methods) keys.push(routeKey(method, relative));
  }
  return keys;
}
