export * from './freeze-release.entity';
export * from './freeze-request.entity';
export * from './freeze.entity';
export * from './reimbursement-reversal.entity';
export * from './reimbursement.entity';
