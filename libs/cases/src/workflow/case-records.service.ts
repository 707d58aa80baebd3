import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  maskCardNumbersInOptionalText,
  maskCardNumbersInText,
  parseIsoDateTime,
} from '@app/common';
import { CasesConflict } from '../cases.errors';
import type { CaseStatus } from '@app/common';
import type { StaffPrincipal } from '@app/identity';
import { queryOne } from '@app/database';
import { assertNotBefore, firstIncidentOfCase } from '@app/reports';
import type { AddNoteDto, RecordOffendersDto } from '../dtos/case-commands.dto';
import type { NoteCreatedDto, OffenderRecordDto } from '../dtos/case-responses.dto';
import { appendCaseEvent, staffActor } from '../shared/case-events';
import { lockCaseInScope } from '../shared/case-rows';

/**
 * Statuses in which detentions are not recorded: a `closed` case found no crime (or was a
 * duplicate), a `referred` one is another agency's. `solved` stays open to them: arrests
 * usually follow the solving, and `offendersDetained` counts them by `detainedAt`.
 */
export const NO_OFFENDER_STATUSES: readonly CaseStatus[] = ['closed', 'referred'];

/** Internal notes and offender records: timeline entries that do not move the workflow. */
@Injectable()
export class CaseRecordsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Never public: notes stay off the citizen's timeline. Card numbers are stored masked. */
  async addNote(user: StaffPrincipal, caseId: string, dto: AddNoteDto): Promise<NoteCreatedDto> {
    const text = maskCardNumbersInText(dto.text);
    return this.dataSource.transaction(async (manager) => {
      await lockCaseInScope(manager, user, caseId);
      await appendCaseEvent(manager, caseId, staffActor(user.id), 'note.added', { text });
      return { caseId, at: new Date().toISOString() };
    });
  }

  async recordOffenders(
    user: StaffPrincipal,
    caseId: string,
    dto: RecordOffendersDto,
  ): Promise<OffenderRecordDto> {
    const note = maskCardNumbersInOptionalText(dto.note ?? null);
    return this.dataSource.transaction(async (manager) => {
      const row = await lockCaseInScope(manager, user, caseId);
      if (row.merged_into_id !== null) {
        throw new CasesConflict('case-merged', 'Record offenders on the case it was merged into', {
          mergedIntoId: row.merged_into_id,
        });
      }
      if (NO_OFFENDER_STATUSES.includes(row.status)) {
        throw new CasesConflict(
          'offenders-not-allowed',
          `Offenders are not recorded on a ${row.status} case; a supervisor can reopen it`,
          { caseStatus: row.status },
        );
      }
      const detainedAt = parseIsoDateTime(dto.detainedAt);
      if (detainedAt === null) throw new Error('detainedAt was not validated');
      assertNotBefore(
        'detainedAt',
        detainedAt,
        await firstIncidentOfCase(manager, caseId),
        "the case's first incident",
      );
      const record = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO offender_records (case_id, count, detained_at, note, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, dto.count, detainedAt, note, user.id],
      );
      if (!record) throw new Error('offender insert returned no row');
      await appendCaseEvent(manager, caseId, staffActor(user.id), 'offenders.recorded', {
        offenderRecordId: record.id,
        count: dto.count,
        detainedAt: detainedAt.toISOString(),
      });
      return {
        id: record.id,
        caseId,
        count: dto.count,
        detainedAt: detainedAt.toISOString(),
        note,
      };
    });
  }
}
