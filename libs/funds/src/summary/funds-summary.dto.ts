import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney, ApiUuid } from '@app/common';
import { FreezeView } from '../freezes/freezes.dto';
import { ReimbursementView } from '../reimbursements/reimbursements.dto';

/** `GET /cases/{id}/funds`: figures computed from the ledger, per case and per report. */
export class FundsFigures {
  @ApiMoney()
  loss!: string;

  @ApiMoney()
  frozen!: string;

  @ApiMoney()
  released!: string;

  @ApiMoney()
  releasedToVictims!: string;

  @ApiMoney()
  releasedToHolders!: string;

  @ApiMoney({ description: 'frozen minus released: still blocked at banks' })
  held!: string;

  @ApiMoney({ description: 'reimbursements minus reversed ones' })
  reimbursed!: string;

  @ApiMoney({ description: 'loss minus reimbursed' })
  outstandingLoss!: string;
}

export class ReportFunds extends FundsFigures {
  @ApiUuid()
  reportId!: string;

  @ApiProperty({ example: 'FR-2026-000123' })
  reference!: string;
}

export class CaseFundsView {
  @ApiUuid()
  caseId!: string;

  @ApiProperty({ example: 'CY-2026-000042' })
  caseNumber!: string;

  @ApiProperty({ type: FundsFigures })
  total!: FundsFigures;

  @ApiProperty({ type: [ReportFunds] })
  reports!: ReportFunds[];

  @ApiProperty({
    type: [FreezeView],
    description: 'freezes not attributed to a report count in the total only',
  })
  freezes!: FreezeView[];

  @ApiProperty({ type: [ReimbursementView] })
  reimbursements!: ReimbursementView[];
}
