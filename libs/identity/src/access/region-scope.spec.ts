import { ForbiddenProblem } from '@app/common';
import { AccessDeniedProblem } from './access.problems';
import { assertRegion, canAccessRegion, regionScope } from './region-scope';
import type { StaffPrincipal } from './staff-principal';

const principal = (role: StaffPrincipal['role'], region: StaffPrincipal['region']) => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'x@police.test',
  role,
  region,
});

describe('region scope', () => {
  it('is the own region for investigators and regional supervisors, national otherwise', () => {
    expect(regionScope(principal('investigator', 'astana'))).toBe('astana');
    expect(regionScope(principal('supervisor', 'abai'))).toBe('abai');
    expect(regionScope(principal('supervisor', null))).toBeNull();
    expect(regionScope(principal('admin', null))).toBeNull();
    // An admin is national even if a region was somehow recorded.
    expect(regionScope(principal('admin', 'abai'))).toBeNull();
  });

  it('allows the own region and denies others with an audited-type 403', () => {
    const inv = principal('investigator', 'astana');
    expect(canAccessRegion(inv, 'astana')).toBe(true);
    expect(() => assertRegion(inv, 'astana', { type: 'case', id: 'c1' })).not.toThrow();
    let thrown: unknown;
    try {
      assertRegion(inv, 'shymkent', { type: 'case', id: 'c1' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ForbiddenProblem);
    expect(thrown).toBeInstanceOf(AccessDeniedProblem);
    expect(thrown).toMatchObject({
      status: 403,
      reason: 'region',
      target: { type: 'case', id: 'c1' },
    });
    expect(() =>
      assertRegion(principal('supervisor', null), 'shymkent', { type: 'case' }),
    ).not.toThrow();
  });
});
