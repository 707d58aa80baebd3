import {
  CpuProfile,
  diffPerReport,
  GC_ROW,
  NODE_ROW,
  packageOf,
  SOCKET_ROW,
  timeByPackage,
} from './profile-diff';

const frame = (functionName: string, url = '') => ({ functionName, url });

/**
 * root → express handle → (native) createHash, root → app intake → pg query → writev,
 * root → (idle), root → (garbage collector), root → node:events emit.
 */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 7, 8, 9] },
    { id: 2, callFrame: frame('handle', '/x/node_modules/express/lib/router.js'), children: [3] },
    { id: 3, callFrame: frame('createHash') },
    {
      id: 4,
      callFrame: frame('submit', '/x/dist/libs/reports/src/intake/service.js'),
      children: [5],
    },
    { id: 5, callFrame: frame('query', '/x/node_modules/@scope/pg/lib/client.js'), children: [6] },
    { id: 6, callFrame: frame('writev') },
    { id: 7, callFrame: frame('(idle)') },
    { id: 8, callFrame: frame('(garbage collector)') },
    { id: 9, callFrame: frame('emit', 'node:events') },
  ],
  samples: [3, 3, 5, 6, 7, 7, 7, 8, 9, 4],
  timeDeltas: [10, 10, 20, 40, 100, 100, 100, 30, 5, 7],
};

describe('profile-diff', () => {
  it('names packages, scoped packages and built app folders', () => {
    expect(packageOf('/x/node_modules/express/lib/router.js')).toBe('express');
    expect(packageOf('/x/node_modules/@nestjs/core/router.js')).toBe('@nestjs/core');
    expect(packageOf('/x/node_modules/a/node_modules/b/i.js')).toBe('b');
    expect(packageOf('/x/dist/libs/reports/src/intake/service.js')).toBe(
      'app:libs/reports/src/intake',
    );
    expect(packageOf('/x/dist/libs/reports/src/reports.controller.js')).toBe(
      'app:libs/reports/src/reports.controller',
    );
    expect(packageOf('node:events')).toBeNull();
    expect(packageOf('')).toBeNull();
  });

  it('gives a native leaf to its caller and leaves idle out', () => {
    const { rows, busy } = timeByPackage(PROFILE);
    expect(busy).toBe(10 + 10 + 20 + 40 + 30 + 5 + 7);
    expect(Object.fromEntries(rows)).toEqual({
      express: 20,
      '@scope/pg': 20,
      [SOCKET_ROW]: 40,
      [GC_ROW]: 30,
      [NODE_ROW]: 5,
      'app:libs/reports/src/intake': 7,
    });
  });

  it('puts the largest per-report difference first', () => {
    const other: CpuProfile = { ...PROFILE, samples: [3], timeDeltas: [10] };
    const { rows, busyA, busyB } = diffPerReport(
      { profile: PROFILE, reports: 2 },
      { profile: other, reports: 1 },
    );
    expect(busyA).toBe(61);
    expect(busyB).toBe(10);
    expect(rows[0]).toEqual({ row: SOCKET_ROW, a: 20, b: 0 });
    expect(rows.find((r) => r.row === 'express')).toEqual({ row: 'express', a: 10, b: 10 });
  });
});
