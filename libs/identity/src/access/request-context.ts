import type { Request } from 'express';
import type { StaffPrincipal } from './staff-principal';

/** An Express request after the staff guard has run. */
export type StaffRequest = Request & { user?: StaffPrincipal };

/** `GET /api/v1/cases/:id`: the route template, never the concrete URL (it may hold data). */
export function routeOf(req: Request): string {
  const template = (req.route as { path?: unknown } | undefined)?.path;
  const path = typeof template === 'string' ? `${req.baseUrl ?? ''}${template}` : req.path;
  return `${req.method} ${path}`;
}

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket?.remoteAddress ?? null;
}
