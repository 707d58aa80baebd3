import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The report an access code opened; set by CitizenAccessGuard. */
export interface CitizenReportRef {
  id: string;
  reference: string;
}

export interface CitizenRequest extends Request {
  citizenReport?: CitizenReportRef;
}

export const CitizenReport = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): CitizenReportRef => {
    const report = ctx.switchToHttp().getRequest<CitizenRequest>().citizenReport;
    if (!report) throw new Error('CitizenAccessGuard must run before @CitizenReport()');
    return report;
  },
);
