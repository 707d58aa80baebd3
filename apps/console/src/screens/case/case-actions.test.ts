import { describe, expect, it } from 'vitest';
// The API's transition table itself (a pure constant with type-only imports): the menu must
// agree with it for every status and role, so a change to the table fails this test.
import { CASE_TRANSITIONS } from '../../../../../libs/cases/src/workflow/case-transitions';
import {
  caseAbilities,
  type CaseStatus,
  type Role,
  transitionMenu,
  TRANSITION_NEEDS,
} from './case-actions';

const STATUSES: CaseStatus[] = [
  'open',
  'in_review',
  'investigating',
  'solved',
  'closed',
  'referred',
];
const ROLES: Role[] = ['investigator', 'supervisor', 'admin'];
const ME = 'c0ffee00-0000-4000-8000-000000000001';
const SOMEONE = 'c0ffee00-0000-4000-8000-000000000002';

/** `allowedTransitions` as GET /cases/{id} computes it (libs/investigation case-detail.service). */
function apiAllowed(status: CaseStatus, role: Role): CaseStatus[] {
  return CASE_TRANSITIONS.filter(
    (r) => r.from === status && r.action !== 'claim' && r.roles.includes(role),
  ).map((r) => r.to);
}

describe('transition menu: every status × role of the transition table', () => {
  for (const status of STATUSES) {
    for (const role of ROLES) {
      for (const holds of [true, false]) {
        it(`${status} × ${role}${holds ? ' (holds the case)' : ''}`, () => {
          const actor = { id: ME, role };
          const menu = transitionMenu(apiAllowed(status, role), actor, holds ? ME : SOMEONE);
          const expected = CASE_TRANSITIONS.filter(
            (r) =>
              r.from === status &&
              r.action !== 'claim' &&
              r.roles.includes(role) &&
              (role !== 'investigator' || holds),
          ).map((r) => (r.requires ? { to: r.to, needs: r.requires } : { to: r.to }));
          expect(menu).toEqual(expected);
        });
      }
    }
  }

  it('the needs lookup agrees with every rule of the table', () => {
    for (const rule of CASE_TRANSITIONS.filter((r) => r.action !== 'claim')) {
      const to: CaseStatus = rule.to;
      expect([to, TRANSITION_NEEDS[to]]).toEqual([to, rule.requires]);
    }
  });

  it('the claim edge is never in the menu (it is the claim button)', () => {
    const menu = transitionMenu(
      apiAllowed('open', 'investigator'),
      { id: ME, role: 'investigator' },
      ME,
    );
    expect(menu).toEqual([]);
  });
});

describe('case abilities: what is absent per role', () => {
  const base = { status: 'in_review' as CaseStatus, mergedIntoId: null, assignee: null };

  it('only an investigator claims, and only an unassigned active case', () => {
    const inv = { id: ME, role: 'investigator' as Role };
    expect(caseAbilities(inv, { ...base, allowedTransitions: [] }).claim).toBe(true);
    expect(
      caseAbilities(inv, { ...base, assignee: { id: SOMEONE }, allowedTransitions: [] }).claim,
    ).toBe(false);
    expect(caseAbilities(inv, { ...base, status: 'solved', allowedTransitions: [] }).claim).toBe(
      false,
    );
    for (const role of ['supervisor', 'admin'] as Role[]) {
      expect(caseAbilities({ id: ME, role }, { ...base, allowedTransitions: [] }).claim).toBe(
        false,
      );
    }
  });

  it('supervisors assign, merge and withdraw flags; investigators record offenders; admins do no case work', () => {
    const sup = caseAbilities({ id: ME, role: 'supervisor' }, { ...base, allowedTransitions: [] });
    expect([sup.assign, sup.merge, sup.withdrawFlag, sup.offenders]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const inv = caseAbilities(
      { id: ME, role: 'investigator' },
      { ...base, allowedTransitions: [] },
    );
    expect([inv.assign, inv.merge, inv.withdrawFlag, inv.offenders, inv.money]).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    const admin = caseAbilities(
      { id: ME, role: 'admin' },
      { ...base, allowedTransitions: ['investigating'] },
    );
    expect(admin).toEqual({
      claim: false,
      assign: false,
      merge: false,
      money: false,
      schemes: false,
      withdrawFlag: false,
      notes: false,
      offenders: false,
      transitions: [],
    });
  });

  it('a case merged away offers nothing that changes it', () => {
    const merged = caseAbilities(
      { id: ME, role: 'supervisor' },
      { ...base, mergedIntoId: SOMEONE, allowedTransitions: [] },
    );
    expect([merged.assign, merged.merge, merged.money, merged.schemes, merged.transitions]).toEqual(
      [false, false, false, false, []],
    );
  });

  it('closed and referred cases take no offender records', () => {
    for (const status of ['closed', 'referred'] as CaseStatus[]) {
      const a = caseAbilities(
        { id: ME, role: 'investigator' },
        { ...base, status, allowedTransitions: [] },
      );
      expect(a.offenders).toBe(false);
    }
  });
});
