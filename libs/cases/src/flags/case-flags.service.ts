import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, NotFoundProblem } from '@app/common';
import type { CaseFlagName } from '@app/common';
import { queryOne } from '@app/database';
import type { StaffPrincipal } from '@app/identity';
import { CasesConflict } from '../cases.errors';
import type { CaseFlagDto } from './case-flags.dto';
import { appendCaseEvent, staffActor } from '../shared/case-events';
import { lockCaseInScope } from '../shared/case-rows';

interface FlagRow {
  id: string;
  case_id: string;
  flag: CaseFlagName;
  set_at: Date;
  set_by: string;
}

/**
 * The `financial_pyramid` flag (DESIGN "Takedowns, schemes and loans"): set once by staff of
 * the case's region, withdrawn by a supervisor. The case row is locked FOR UPDATE first, so two
 * staff flagging at once are serialised and the second gets 409; the partial unique index
 * `uq_case_flags_standing` is the backstop. A flag stays with the case it was set on, a case
 * merged away included (like `casesOpened`, docs/stats.md).
 */
@Injectable()
export class CaseFlagsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(user: StaffPrincipal, caseId: string, flag: CaseFlagName): Promise<CaseFlagDto> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const row = await lockCaseInScope(m, user, caseId);
        if (row.merged_into_id !== null) {
          throw new CasesConflict('case-merged', 'Flag the case it was merged into', {
            mergedIntoId: row.merged_into_id,
          });
        }
        if (await this.standing(m, caseId, flag)) {
          throw new CasesConflict('flag-already-set', `The case is already flagged ${flag}`);
        }
        const set = await queryOne<FlagRow>(
          m,
          `INSERT INTO case_flags (case_id, flag, set_by) VALUES ($1, $2, $3)
           RETURNING id, case_id, flag, set_at, set_by`,
          [caseId, flag, user.id],
        );
        if (!set) throw new Error('case flag insert returned no row');
        await appendCaseEvent(m, caseId, staffActor(user.id), 'case.flagged', {
          flag,
          flagId: set.id,
        });
        return toView(set);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new CasesConflict('flag-already-set', `The case is already flagged ${flag}`);
      }
      throw error;
    }
  }

  /** Withdrawing removes the flag from every period's figure (DESIGN); the row is kept. */
  async withdraw(user: StaffPrincipal, caseId: string, flag: CaseFlagName): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockCaseInScope(m, user, caseId);
      const standing = await this.standing(m, caseId, flag);
      if (!standing) throw new NotFoundProblem('Flag');
      await m.query(
        `UPDATE case_flags SET withdrawn_at = greatest(now(), set_at), withdrawn_by = $2
          WHERE id = $1`,
        [standing.id, user.id],
      );
      await appendCaseEvent(m, caseId, staffActor(user.id), 'case.flag_withdrawn', {
        flag,
        flagId: standing.id,
      });
    });
  }

  /** The standing flags of a case, for the case view. */
  async ofCase(m: EntityManager, caseId: string): Promise<CaseFlagDto[]> {
    const rows = (await m.query(
      `SELECT id, case_id, flag, set_at, set_by FROM case_flags
        WHERE case_id = $1 AND withdrawn_at IS NULL ORDER BY set_at`,
      [caseId],
    )) as FlagRow[];
    return rows.map(toView);
  }

  private standing(m: EntityManager, caseId: string, flag: CaseFlagName) {
    return queryOne<FlagRow>(
      m,
      `SELECT id, case_id, flag, set_at, set_by FROM case_flags
        WHERE case_id = $1 AND flag = $2 AND withdrawn_at IS NULL`,
      [caseId, flag],
    );
  }
}

function toView(row: FlagRow): CaseFlagDto {
  return {
    caseId: row.case_id,
    flag: row.flag,
    setAt: row.set_at.toISOString(),
    setBy: row.set_by,
  };
}
