import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NoticeChannel, NoticeKind } from '@app/common';
import type { UndeliveredNoticesView, UndeliveredStatus } from './undelivered-notices.dto';

const LIST_LIMIT = 200;

interface Row {
  id: string;
  reference: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  status: UndeliveredStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  claimed_at: Date | null;
  total: number;
}

/**
 * The dead letters of citizen notices for admins (docs/notices.md): `failed` ones and those
 * left `sending`. A `sending` row may be a send in flight right now; one older than a minute or
 * two is a send whose outcome is unknown.
 */
@Injectable()
export class UndeliveredNoticesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(status?: UndeliveredStatus): Promise<UndeliveredNoticesView> {
    const statuses = status === undefined ? ['failed', 'sending'] : [status];
    const rows = (await this.dataSource.query(
      `SELECT n.id, r.reference, n.kind, n.channel, n.status, n.attempts, n.last_error,
              n.created_at, n.claimed_at, count(*) OVER ()::int AS total
         FROM citizen_notices n JOIN reports r ON r.id = n.report_id
        WHERE n.status = ANY($1::text[])
        ORDER BY n.created_at, n.id
        LIMIT $2`,
      [statuses, LIST_LIMIT],
    )) as Row[];
    return {
      total: rows[0]?.total ?? 0,
      notices: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        claimedAt: r.claimed_at?.toISOString() ?? null,
      })),
    };
  }
}
