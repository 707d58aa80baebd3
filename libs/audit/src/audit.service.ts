import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditLog } from './entities';

/** One security-relevant event. `detail` holds ids and codes only, never personal data. */
export interface AuditEntry {
  actorId?: string | null;
  actorRole?: string | null;
  /** Dotted verb: `access.denied`, `user.created`, `auth.login_failed`, ... */
  action: string;
  /** `METHOD /route/template`, e.g. `GET /api/v1/cases/:id`. */
  route?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Writes the append-only `audit_log`. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectRepository(AuditLog) private readonly repo: Repository<AuditLog>) {}

  /**
   * Appends one row. Pass `manager` to write inside the caller's transaction (the row then
   * commits or rolls back with the change it describes). Without a manager a failed write is
   * logged and swallowed: an audit outage must not turn a 403 into a 500.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = {
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      route: entry.route ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    };
    if (manager) {
      await manager.save(AuditLog, row);
      return;
    }
    try {
      await this.repo.save(row);
    } catch (err) {
      this.logger.error({ action: entry.action, err }, 'audit write failed');
    }
  }
}
