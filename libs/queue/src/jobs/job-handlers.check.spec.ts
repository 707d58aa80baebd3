import {
  CITIZEN_NOTICE_JOB,
  JOB_CONTRACTS,
  SLA_DUE_JOB,
  SLA_SWEEP_JOB,
  TRIAGE_JOB,
  TRIAGE_SWEEP_JOB,
} from './job-contracts';
import { jobHandlerProblems } from './job-handlers.check';

describe('jobHandlerProblems', () => {
  const all = [
    { queue: TRIAGE_JOB.queue, contracts: [TRIAGE_JOB] },
    { queue: TRIAGE_SWEEP_JOB.queue, contracts: [TRIAGE_SWEEP_JOB] },
    { queue: SLA_DUE_JOB.queue, contracts: [SLA_DUE_JOB, SLA_SWEEP_JOB] },
    { queue: CITIZEN_NOTICE_JOB.queue, contracts: [CITIZEN_NOTICE_JOB] },
  ];

  it('passes when every contract has a handler on its queue', () => {
    expect(jobHandlerProblems(all)).toEqual([]);
  });

  it('names a contract nobody handles', () => {
    expect(jobHandlerProblems(all.slice(1))).toEqual(['job report-triage/triage has no handler']);
  });

  it('names a handler registered on the wrong queue', () => {
    const wrong = [...all, { queue: 'case-sla', contracts: [TRIAGE_JOB] }];
    expect(jobHandlerProblems(wrong)).toEqual([
      'job report-triage/triage is handled by a processor of queue case-sla',
    ]);
  });

  it('lists every contract once, with distinct names per queue', () => {
    const keys = JOB_CONTRACTS.map((c) => `${c.queue}/${c.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
