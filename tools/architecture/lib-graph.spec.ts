import {
  adjacencyOf,
  buildLibGraph,
  describeCycle,
  describeCycleEdges,
  describeDeepImport,
  extractModuleReferences,
  findCycles,
  findDeepImports,
  resolveLibTarget,
} from './lib-graph';
import { findRepoRoot, loadLibSources, parseSource, readLibRoots } from './lib-sources';

const LIBS = ['a', 'b', 'c'].map((name) => ({ name, srcDir: `libs/${name}/src` }));

describe('lib graph checker (synthetic inputs)', () => {
  it('finds every elementary cycle once, self-loops included, and nothing in a DAG', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['c', ['a', 'c']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'a'],
      ['a', 'b', 'c', 'a'],
      ['c', 'c'],
    ]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('extracts imports, type imports, re-exports, import(), require() and import types', () => {
    const source = parseSource(
      'libs/a/src/x.ts',
      [
        "import { A } from '@app/b';",
        "import type { B } from '@app/c/deep/file';",
        "export { C } from '../../b/src/thing';",
        "export * from './local';",
        "import '@app/b/worker';",
        "import fs = require('node:fs');",
        "const lazy = () => import('@app/c');",
        "const old = require('@app/b/api');",
        "type T = import('@app/c/types').T;",
        "// import { nope } from '@app/c';",
      ].join('\n'),
    );
    expect(extractModuleReferences(source).map((r) => `${r.line}:${r.specifier}`)).toEqual([
      '1:@app/b',
      '2:@app/c/deep/file',
      '3:../../b/src/thing',
      '4:./local',
      '5:@app/b/worker',
      '6:node:fs',
      '7:@app/c',
      '8:@app/b/api',
      '9:@app/c/types',
    ]);
  });

  it('maps aliases and relative paths to libs and flags only non-entry deep imports', () => {
    expect(resolveLibTarget('@app/b/api', 'libs/a/src/x.ts', LIBS)).toEqual({
      lib: 'b',
      deepPath: 'api',
      relative: false,
    });
    expect(resolveLibTarget('../../../c/src/y', 'libs/a/src/z/x.ts', LIBS)).toEqual({
      lib: 'c',
      deepPath: 'y',
      relative: true,
    });
    expect(resolveLibTarget('./y', 'libs/a/src/x.ts', LIBS)?.lib).toBe('a');
    expect(resolveLibTarget('@app/testing', 'libs/a/src/x.ts', LIBS)).toBeNull();
    const files = [
      ["import { X } from '@app/b/api';", "import { W } from '@app/b/worker';"],
      ["import type { Y } from '@app/c/entities/y';"],
      ["export * from '../../a/src';", "import { Z } from './own';"],
    ].map((lines, i) => ({
      lib: LIBS[i].name,
      file: `libs/${LIBS[i].name}/src/f.ts`,
      source: parseSource('f.ts', lines.join('\n')),
    }));
    const graph = buildLibGraph(files, LIBS);
    const cycles = findCycles(adjacencyOf(graph));
    expect(cycles).toEqual([['a', 'b', 'c', 'a']]);
    expect(describeCycleEdges(cycles, graph)).toEqual([
      "a → b: libs/a/src/f.ts:1 '@app/b/api'",
      "a → b: libs/a/src/f.ts:2 '@app/b/worker'",
      "b → c: libs/b/src/f.ts:1 '@app/c/entities/y'",
      "c → a: libs/c/src/f.ts:1 '../../a/src'",
    ]);
    expect(findDeepImports(graph).map((d) => `${d.file}:${d.line}`)).toEqual([
      'libs/b/src/f.ts:1',
      'libs/c/src/f.ts:1',
    ]);
  });
});

describe('lib graph of this repo', () => {
  const root = findRepoRoot();
  const libs = readLibRoots(root);
  const files = loadLibSources(root, libs);
  const graph = buildLibGraph(files, libs);

  it('finds the libs and their sources (so the checks below cannot pass vacuously)', () => {
    expect(libs.length).toBeGreaterThan(3);
    expect(libs.map((l) => l.name)).not.toContain('testing');
    for (const lib of libs) expect(files.some((f) => f.lib === lib.name)).toBe(true);
  });

  it('has no dependency cycle between libs', () => {
    const cycles = findCycles(adjacencyOf(graph));
    const report = [
      ...cycles.map((cycle) => describeCycle(cycle, graph)),
      ...(cycles.length > 0 ? ['every import on a cycle edge:'] : []),
      ...describeCycleEdges(cycles, graph).map((line) => `    ${line}`),
    ];
    expect({ cycles: cycles.length, report: report.join('\n') }).toEqual({ cycles: 0, report: '' });
  });

  it('imports other libs only through @app/<lib>, @app/<lib>/api or @app/<lib>/worker', () => {
    const deep = findDeepImports(graph).map(describeDeepImport);
    expect({ deepImports: deep.length, report: deep.join('\n') }).toEqual({
      deepImports: 0,
      report: '',
    });
  });
});
