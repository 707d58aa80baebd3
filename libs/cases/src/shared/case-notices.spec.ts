import { CASE_STATUSES } from '@app/common';
import { CASE_EVENT_TYPES } from './case-events';
import { caseEventNotice, needsCaseStatus } from './case-notices';

const CASE = '00000000-0000-4000-8000-000000000001';
const REPORT = '00000000-0000-4000-8000-000000000002';

describe('caseEventNotice', () => {
  it('tells every report of the case when it enters in_review, solved, closed or referred', () => {
    for (const to of ['in_review', 'solved', 'closed', 'referred'] as const) {
      expect(caseEventNotice(CASE, 'case.transitioned', { to }, null)).toEqual({
        kind: to,
        audience: { caseId: CASE },
      });
    }
    expect(caseEventNotice(CASE, 'case.transitioned', { to: 'investigating' }, null)).toBeNull();
  });

  it('tells a report linked or moved into a case under review, once per kind', () => {
    for (const status of CASE_STATUSES) {
      const linked = caseEventNotice(CASE, 'report.linked', { reportId: REPORT }, status);
      const merged = caseEventNotice(CASE, 'case.merged', { reports: [REPORT] }, status);
      const underReview = status === 'in_review' || status === 'investigating';
      const expected = underReview
        ? { kind: 'in_review', audience: { reportIds: [REPORT], onlyUntold: true } }
        : null;
      expect(linked).toEqual(expected);
      expect(merged).toEqual(expected);
    }
    expect(needsCaseStatus('report.linked')).toBe(true);
    expect(needsCaseStatus('case.transitioned')).toBe(false);
  });

  it('tells the one report money was frozen or reimbursed for, none without a report', () => {
    expect(caseEventNotice(CASE, 'funds.freeze_recorded', { reportId: REPORT }, null)).toEqual({
      kind: 'funds_frozen',
      audience: { reportIds: [REPORT] },
    });
    expect(caseEventNotice(CASE, 'funds.freeze_recorded', { reportId: null }, null)).toBeNull();
    expect(
      caseEventNotice(CASE, 'funds.reimbursement_recorded', { reportId: REPORT }, null),
    ).toEqual({ kind: 'reimbursed', audience: { reportIds: [REPORT] } });
  });

  it('tells nobody of internal events', () => {
    const told = new Set([
      'case.transitioned',
      'report.linked',
      'case.merged',
      'funds.freeze_recorded',
      'funds.reimbursement_recorded',
    ]);
    for (const type of CASE_EVENT_TYPES.filter((t) => !told.has(t))) {
      expect(caseEventNotice(CASE, type, { reportId: REPORT, to: 'solved' }, 'in_review')).toBe(
        null,
      );
    }
  });
});
