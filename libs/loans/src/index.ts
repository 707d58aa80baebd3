export * from './entities';
export * from './loans.module';
export { LoanWriteoffsService, LoanConflict } from './loan-writeoffs.service';
export type { LoanConflictCode } from './loan-writeoffs.service';
export { LOAN_WRITEOFF_STATUSES, LoanWriteoffView } from './loan-writeoffs.dto';
export type { LoanWriteoffStatus } from './loan-writeoffs.dto';
export { renderLoanLetter, maskIin } from './loan-letter';
