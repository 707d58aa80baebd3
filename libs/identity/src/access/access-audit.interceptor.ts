import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { ForbiddenProblem } from '@app/common';
import { AuditService } from '@app/audit';
import { AccessDeniedProblem } from './access.problems';
import { clientIp, routeOf, StaffRequest } from './request-context';

/**
 * Global: every `ForbiddenProblem` that leaves a handler (an `assertRegion` denial, or any
 * other 403 a service throws) is written to `audit_log` as `access.denied` before the response
 * goes out. Role denials are written by the guard, which runs before interceptors.
 */
@Injectable()
export class AccessAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (!(err instanceof ForbiddenProblem)) return throwError(() => err);
        const req = context.switchToHttp().getRequest<StaffRequest>();
        const denied = err instanceof AccessDeniedProblem ? err : null;
        const write = this.audit.record({
          actorId: req.user?.id ?? null,
          actorRole: req.user?.role ?? null,
          action: 'access.denied',
          route: routeOf(req),
          targetType: denied?.target?.type ?? null,
          targetId: denied?.target?.id ?? null,
          ip: clientIp(req),
          detail: { reason: denied?.reason ?? 'forbidden', region: req.user?.region ?? null },
        });
        return from(write).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }
}
