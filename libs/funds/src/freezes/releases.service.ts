import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadRequestProblem, Money } from '@app/common';
import { appendCaseEvent, staffActor } from '@app/cases';
import { StaffPrincipal } from '@app/identity';
import { queryOne as firstRow } from '@app/database';
import { lockOwningCase, lockReportOfCase } from '../shared/case-access';
import { FundsConflict, toLedgerProblem } from '../shared/funds.problems';
import { ReimbursementsService } from '../reimbursements/reimbursements.service';
import { CreateReleaseDto, ReleaseView } from './freezes.dto';
import { FREEZE_COLUMNS, FreezeRow, toFreezeView } from './freeze-rows';
import { FreezesService } from './freezes.service';

/**
 * Releases of frozen money. Locks in the order of every funds write (docs/money.md): the
 * freeze's case (FOR SHARE), the report named by the release, then the freeze (FOR UPDATE), so
 * concurrent releases see each other's running total. A release to a victim records a
 * `frozen_funds` reimbursement in the same transaction.
 */
@Injectable()
export class ReleasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly freezes: FreezesService,
    private readonly reimbursements: ReimbursementsService,
  ) {}

  async release(
    freezeId: string,
    dto: CreateReleaseDto,
    user: StaffPrincipal,
  ): Promise<ReleaseView> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const owner = await lockOwningCase(m, 'freezes', freezeId, user);
        const reportId = dto.reportId ?? null;
        if (reportId !== null) await lockReportOfCase(m, reportId, owner.id);
        const freeze = await this.freezes.lockFreeze(m, freezeId, user);
        const amount = Money.parseAmount(dto.amount);
        const available = Money.fromDb(freeze.amount_tiyn) - Money.fromDb(freeze.released_tiyn);
        if (amount > available) {
          throw new FundsConflict(
            'release-exceeds-frozen',
            `Only ${Money.format(available)} of this freeze is still held`,
            { available: Money.format(available) },
          );
        }
        let reimbursementId: string | null = null;
        if (dto.to === 'victim') {
          if (reportId === null) {
            throw new BadRequestProblem('reportId is required when to is victim', [
              { field: 'reportId', message: 'required when to is victim' },
            ]);
          }
          const reimbursement = await this.reimbursements.recordIn(m, user, {
            caseId: freeze.case_id,
            reportId,
            amountTiyn: amount,
            source: 'frozen_funds',
            paidAt: new Date(),
          });
          reimbursementId = reimbursement.id;
        }
        const release = await firstRow<{ id: string; created_at: Date }>(
          m,
          `INSERT INTO freeze_releases
             (freeze_id, amount_tiyn, recipient, report_id, reimbursement_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
          [freezeId, amount.toString(), dto.to, reportId, reimbursementId, user.id],
        );
        const updated = await firstRow<FreezeRow>(
          m,
          `UPDATE freezes AS f SET released_tiyn = released_tiyn + $2 WHERE f.id = $1
           RETURNING ${FREEZE_COLUMNS}`,
          [freezeId, amount.toString()],
        );
        await appendCaseEvent(m, freeze.case_id, staffActor(user.id), 'funds.freeze_released', {
          freezeId,
          releaseId: release!.id,
          amount: Money.format(amount),
          to: dto.to,
          reportId: dto.reportId ?? null,
          reimbursementId,
        });
        return {
          id: release!.id,
          freezeId,
          amount: Money.format(amount),
          to: dto.to,
          reportId: dto.reportId ?? null,
          reimbursementId,
          createdAt: release!.created_at.toISOString(),
          freeze: toFreezeView(updated!),
        };
      });
    } catch (error) {
      throw toLedgerProblem(error);
    }
  }
}
