import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CursorPageQuery, DEFAULT_PAGE_SIZE, NotFoundProblem } from '@app/common';
import type { ActorKind, Region } from '@app/common';
import { assertRegion, regionScope } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryOne, queryRows } from '@app/database';
import { ListCasesQueryDto } from '../dtos/case-queue.dto';
import type { CaseListDto, TimelineDto } from '../dtos/case-responses.dto';
import { CASE_SUMMARY_FROM, CaseSummaryRow, toCaseSummary } from './case-views';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

interface EventRow {
  id: string;
  cursor_at: string;
  case_id: string;
  number: string;
  at: Date;
  actor_id: string | null;
  actor_kind: ActorKind;
  full_name: string | null;
  type: string;
  public: boolean;
  data: Record<string, unknown>;
}

/** Read side of cases: the queue and a case's timeline. Always region-scoped. */
@Injectable()
export class CaseQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Most urgent first, then oldest; keyset pagination on (priority, created_at, id). */
  async list(user: StaffPrincipal, query: ListCasesQueryDto): Promise<CaseListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const scope = regionScope(user);
    if (query.region !== undefined) {
      assertRegion(user, query.region, { type: 'region', id: query.region });
      where.push(`c.region = ${param(query.region)}`);
    } else if (scope !== null) {
      where.push(`c.region = ${param(scope)}`);
    }
    if (query.status?.length) where.push(`c.status = ANY(${param(query.status)}::text[])`);
    if (query.priority?.length) where.push(`c.priority = ANY(${param(query.priority)}::text[])`);
    if (query.assignee === 'unassigned') where.push('c.assignee_id IS NULL');
    else if (query.assignee === 'me') where.push(`c.assignee_id = ${param(user.id)}`);
    else if (query.assignee !== undefined) where.push(`c.assignee_id = ${param(query.assignee)}`);
    if (query.slaBreached !== undefined) {
      where.push(`c.sla_breached_at IS ${query.slaBreached ? 'NOT NULL' : 'NULL'}`);
    }
    if (query.cursor !== undefined) {
      const cursor = decodeQueueCursor(query.cursor);
      where.push(
        `(c.priority, c.created_at, c.id) > (${param(cursor.priority)}, ` +
          `${param(cursor.createdAt)}::timestamptz, ${param(cursor.id)}::uuid)`,
      );
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await queryRows<CaseSummaryRow>(
      this.dataSource.manager,
      `${CASE_SUMMARY_FROM}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.priority, c.created_at, c.id
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCaseSummary),
      nextCursor:
        rows.length > limit && last
          ? encodeQueueCursor({ priority: last.priority, createdAt: last.created_key, id: last.id })
          : null,
    };
  }

  /**
   * The case's events and those of every case merged into it, oldest first, by keyset on
   * (at, id). Each case of the merge tree reads at most one page from ix_case_events_case_at_id
   * and the pages are merged, so a page costs the same on the first event as on the 20,000th.
   */
  async timeline(
    user: StaffPrincipal,
    caseId: string,
    query: CursorPageQuery,
  ): Promise<TimelineDto> {
    const after = query.cursor === undefined ? null : decodeTimelineCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const manager = this.dataSource.manager;
    const target = await queryOne<{ region: Region }>(
      manager,
      'SELECT region FROM cases WHERE id = $1',
      [caseId],
    );
    if (!target) throw new NotFoundProblem('Case');
    assertRegion(user, target.region, { type: 'case', id: caseId });
    const params: unknown[] = [caseId, limit + 1];
    let keyset = '';
    if (after !== null) {
      params.push(after.at, after.id);
      keyset = 'AND (e.at, e.id) > ($3::timestamptz, $4::bigint)';
    }
    const rows = await queryRows<EventRow>(
      manager,
      `WITH RECURSIVE tree AS (
         SELECT id, number FROM cases WHERE id = $1
         UNION ALL
         SELECT c.id, c.number FROM cases c JOIN tree t ON c.merged_into_id = t.id
       )
       SELECT e.id::text AS id, e.at::text AS cursor_at, e.case_id, t.number, e.at, e.actor_id,
              e.actor_kind, u.full_name, e.type, e.public, e.data
         FROM tree t
        CROSS JOIN LATERAL (
          SELECT * FROM case_events e
           WHERE e.case_id = t.id ${keyset}
           ORDER BY e.at, e.id
           LIMIT $2
        ) e
         LEFT JOIN users u ON u.id = e.actor_id
        ORDER BY e.at, e.id
        LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((e) => ({
        id: e.id,
        caseId: e.case_id,
        caseNumber: e.number,
        at: e.at.toISOString(),
        actor: { kind: e.actor_kind, id: e.actor_id, fullName: e.full_name },
        type: e.type,
        public: e.public,
        data: e.data,
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeTimelineCursor({ at: last.cursor_at, id: last.id })
          : null,
    };
  }
}
