import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundProblem, PiiService } from '@app/common';
import { AuditService } from '@app/audit';
import { clientIp, routeOf } from '@app/identity';
import { normalizeAccessCode } from '../intake/access-code';
import { normalizeReference } from '../intake/reference-number';
import { CitizenRequest } from './citizen-access';

export const ACCESS_CODE_HEADER = 'x-access-code';

/**
 * Opens a report for the citizen who holds its access code. A wrong code and an unknown
 * reference get the same 404 after the same work (one HMAC and a constant-time compare), and
 * both are written to the audit log without the code. Runs after the global rate limits and
 * before any body is read, so an upload without a valid code is never stored.
 */
@Injectable()
export class CitizenAccessGuard implements CanActivate {
  private readonly logger = new Logger('CitizenAccess');
  private readonly decoyHash: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {
    this.decoyHash = pii.hashAccessCode('decoy-for-unknown-references');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<CitizenRequest>();
    const reference = normalizeReference(req.params.reference);
    const rows: Array<{ id: string; access_code_hash: string }> =
      reference === null
        ? []
        : await this.dataSource.query(
            'SELECT id, access_code_hash FROM reports WHERE reference = $1',
            [reference],
          );
    const code = normalizeAccessCode(req.headers[ACCESS_CODE_HEADER]);
    const matches = this.pii.verifyAccessCode(
      code ?? '',
      rows[0]?.access_code_hash ?? this.decoyHash,
    );
    if (reference === null || rows.length === 0 || code === null || !matches) {
      await this.denied(req, reference, rows[0]?.id ?? null);
      throw new NotFoundProblem('Report', 'No report matches this reference and access code');
    }
    req.citizenReport = { id: rows[0].id, reference };
    return true;
  }

  private async denied(
    req: CitizenRequest,
    reference: string | null,
    reportId: string | null,
  ): Promise<void> {
    const reason = reportId === null ? 'unknown_reference' : 'wrong_access_code';
    // Never the code itself: only what was asked for, from where, and why it failed.
    this.logger.warn({ reference, reason, ip: clientIp(req) }, 'citizen access denied');
    await this.audit.record({
      actorRole: 'citizen',
      action: 'access.denied',
      route: routeOf(req),
      targetType: 'report',
      targetId: reportId,
      ip: clientIp(req),
      detail: { reason, reference },
    });
  }
}
