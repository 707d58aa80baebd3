import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BadRequestProblem,
  ConflictProblem,
  decodeKeysetCursor,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  isUuid,
  maskCardNumbersInOptionalText,
  maskCardNumbersInText,
  normalizeSuspectIdentifier,
  NotFoundProblem,
  PgError,
  PiiService,
  sqlState,
} from '@app/common';
import type { Region, SuspectType, TakedownKind, TakedownOutcome } from '@app/common';
import { appendCaseEvent, lockCaseInScope, staffActor } from '@app/cases';
import { queryOne, queryRows } from '@app/database';
import { scopedRegion } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import type {
  CreateTakedownDto,
  ListTakedownsQuery,
  TakedownOutcomeDto,
  TakedownPage,
  TakedownStatus,
  TakedownView,
} from './takedowns.dto';

/** Codes of the takedown 409s (problem `type` is `/problems/<code>`). */
export type TakedownConflictCode =
  'outcome-already-recorded' | 'case-merged' | 'takedown-invariant';

export class TakedownConflict extends ConflictProblem {
  constructor(code: TakedownConflictCode, detail: string, extras: Record<string, unknown> = {}) {
    super(code, detail, extras);
  }
}

/** Kinds whose identifier can only be of one type (a phone number is a phone). */
const KIND_TYPE: Partial<Record<TakedownKind, SuspectType>> = {
  phone_number: 'phone',
  card: 'card',
};

interface TakedownRow {
  id: string;
  case_id: string;
  case_number: string;
  region: Region;
  kind: TakedownKind;
  identifier_type: SuspectType;
  identifier_display: string;
  platform: string;
  requested_at: Date;
  requested_by: string;
  note: string | null;
  outcome: TakedownOutcome | null;
  outcome_at: Date | null;
  outcome_by: string | null;
  outcome_note: string | null;
  /** Postgres text of the sort key, for the cursor. */
  cursor_at: string;
}

const COLUMNS = `t.id, t.case_id, c.number AS case_number, c.region, t.kind, t.identifier_type,
  t.identifier_display, t.platform, t.requested_at, t.requested_by, t.note, t.outcome,
  t.outcome_at, t.outcome_by, t.outcome_note, t.requested_at::text AS cursor_at`;

/**
 * Takedowns (DESIGN "Takedowns, schemes and loans"): a request to block a suspect identifier
 * of a case, and its one outcome. Lock order as for money (docs/money.md): the case FOR SHARE
 * (a merge waits), then the takedown FOR UPDATE, so two outcomes recorded at once are
 * serialised and the second is a 409; the trigger `tg_takedowns_outcome_once` is the backstop.
 */
@Injectable()
export class TakedownsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiService,
  ) {}

  async create(
    user: StaffPrincipal,
    caseId: string,
    dto: CreateTakedownDto,
  ): Promise<TakedownView> {
    const expected = KIND_TYPE[dto.kind];
    if (expected !== undefined && dto.identifier.type !== expected) {
      throw new BadRequestProblem(
        `a ${dto.kind} takedown names an identifier of type ${expected}`,
        [{ field: 'identifier.type', message: `must be ${expected} for kind ${dto.kind}` }],
      );
    }
    const normalized = normalizeSuspectIdentifier(dto.identifier.type, dto.identifier.value);
    if (normalized === null) {
      throw new BadRequestProblem('identifier.value is not a valid identifier of that type', [
        { field: 'identifier.value', message: `not a valid ${dto.identifier.type}` },
      ]);
    }
    // A card links by its keyed hash and is never stored whole (DESIGN).
    const value =
      normalized.type === 'card' ? this.pii.cardHash(normalized.value) : normalized.value;
    return this.write(async (m) => {
      const row = await lockCaseInScope(m, user, caseId, 'share');
      if (row.merged_into_id !== null) {
        throw new TakedownConflict(
          'case-merged',
          'Request takedowns on the case it was merged into',
          {
            mergedIntoId: row.merged_into_id,
          },
        );
      }
      const created = await queryOne<{ id: string }>(
        m,
        `INSERT INTO takedowns (case_id, kind, identifier_type, identifier_value,
                                identifier_display, platform, requested_at, requested_by, note)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8, $9)
         RETURNING id`,
        [
          caseId,
          dto.kind,
          normalized.type,
          value,
          normalized.display,
          maskCardNumbersInText(dto.platform.trim()),
          dto.requestedAt ?? null,
          user.id,
          maskCardNumbersInOptionalText(dto.note?.trim() || null),
        ],
      );
      await appendCaseEvent(m, caseId, staffActor(user.id), 'takedown.requested', {
        takedownId: created!.id,
        kind: dto.kind,
        identifier: { type: normalized.type, value: normalized.display },
      });
      return this.view(m, created!.id);
    });
  }

  async recordOutcome(
    user: StaffPrincipal,
    takedownId: string,
    dto: TakedownOutcomeDto,
  ): Promise<TakedownView> {
    return this.write(async (m) => {
      const owner = isUuid(takedownId)
        ? await queryOne<{ case_id: string }>(m, 'SELECT case_id FROM takedowns WHERE id = $1', [
            takedownId,
          ])
        : undefined;
      if (!owner) throw new NotFoundProblem('Takedown');
      await lockCaseInScope(m, user, owner.case_id, 'share');
      const current = await queryOne<{ outcome: string | null; requested_at: Date }>(
        m,
        'SELECT outcome, requested_at FROM takedowns WHERE id = $1 FOR UPDATE',
        [takedownId],
      );
      if (current!.outcome !== null) {
        throw new TakedownConflict(
          'outcome-already-recorded',
          `The takedown's outcome is already recorded (${current!.outcome})`,
        );
      }
      const at = new Date(dto.at);
      if (at < current!.requested_at) {
        throw new BadRequestProblem('at is before the takedown was requested', [
          { field: 'at', message: `must not be before ${current!.requested_at.toISOString()}` },
        ]);
      }
      await m.query(
        `UPDATE takedowns SET outcome = $2, outcome_at = $3, outcome_by = $4, outcome_note = $5
          WHERE id = $1`,
        [
          takedownId,
          dto.outcome,
          at,
          user.id,
          maskCardNumbersInOptionalText(dto.note?.trim() || null),
        ],
      );
      await appendCaseEvent(m, owner.case_id, staffActor(user.id), 'takedown.outcome_recorded', {
        takedownId,
        outcome: dto.outcome,
        at: at.toISOString(),
      });
      return this.view(m, takedownId);
    });
  }

  /** Region-scoped list, newest request first, cursor-paged. */
  async list(user: StaffPrincipal, query: ListTakedownsQuery): Promise<TakedownPage> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const region = scopedRegion(user, query.region);
    if (region !== null) where.push(`c.region = ${p(region)}`);
    if (query.kind !== undefined) where.push(`t.kind = ${p(query.kind)}`);
    if (query.status === 'requested') where.push('t.outcome IS NULL');
    else if (query.status !== undefined) where.push(`t.outcome = ${p(query.status)}`);
    if (query.cursor !== undefined) {
      const cursor = decodeKeysetCursor(query.cursor);
      where.push(`(t.requested_at, t.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::uuid)`);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await queryRows<TakedownRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM takedowns t JOIN cases c ON c.id = t.case_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY t.requested_at DESC, t.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    return keysetPage(rows, limit, toView);
  }

  /** The takedowns of one case, for the case view (the caller checked its scope). */
  async ofCase(m: EntityManager, caseId: string): Promise<TakedownView[]> {
    const rows = await queryRows<TakedownRow>(
      m,
      `SELECT ${COLUMNS} FROM takedowns t JOIN cases c ON c.id = t.case_id
        WHERE t.case_id = $1 ORDER BY t.requested_at, t.id`,
      [caseId],
    );
    return rows.map(toView);
  }

  private async view(m: EntityManager, id: string): Promise<TakedownView> {
    const row = await queryOne<TakedownRow>(
      m,
      `SELECT ${COLUMNS} FROM takedowns t JOIN cases c ON c.id = t.case_id WHERE t.id = $1`,
      [id],
    );
    return toView(row!);
  }

  /** A write in one transaction; the triggers' check_violation is a 409, never a 500. */
  private async write<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (error) {
      if (sqlState(error) === PgError.checkViolation) {
        throw new TakedownConflict(
          'takedown-invariant',
          'The change would break a takedown invariant',
        );
      }
      throw error;
    }
  }
}

function statusOf(row: TakedownRow): TakedownStatus {
  return row.outcome ?? 'requested';
}

function toView(row: TakedownRow): TakedownView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    region: row.region,
    kind: row.kind,
    identifier: { type: row.identifier_type, value: row.identifier_display },
    platform: row.platform,
    status: statusOf(row),
    requestedAt: row.requested_at.toISOString(),
    requestedBy: row.requested_by,
    note: row.note,
    outcomeAt: row.outcome_at?.toISOString() ?? null,
    outcomeBy: row.outcome_by,
    outcomeNote: row.outcome_note,
  };
}
