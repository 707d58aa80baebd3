import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { MIGRATIONS } from './index';

/**
 * Migrations are immutable history: a fresh database must get exactly what an old one got. A
 * migration that imports a live list (`REGIONS` from `@app/common`, a constant of another lib,
 * even a sibling migration) would change its SQL whenever that list changes, so migration files
 * may import `typeorm` and nothing else; vocabularies are spelled out in the file.
 */
const ALLOWED = new Set(['typeorm']);

const DIR = __dirname;

/** Migration files: every .ts here but the registry (index.ts) and the specs. */
const migrationFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.spec.ts'))
  .sort();

/**
 * Every module specifier the source pulls in (`import`, `import type`, `export ... from`,
 * `require(...)`, `import(...)`), with its line; comments and strings are not mistaken for one.
 */
function imports(source: string): { specifier: string; line: number }[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => ({
    specifier: f.fileName,
    line: source.slice(0, f.pos).split('\n').length,
  }));
}

function forbiddenImports(source: string): { specifier: string; line: number }[] {
  return imports(source).filter((i) => !ALLOWED.has(i.specifier));
}

describe('migrations are literal history', () => {
  it('finds every registered migration on disk', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    expect(migrationFiles.length).toBeGreaterThanOrEqual(MIGRATIONS.length);
  });

  it.each(migrationFiles)('%s imports nothing but typeorm', (file) => {
    const bad = forbiddenImports(readFileSync(join(DIR, file), 'utf8'));
    if (bad.length > 0) {
      const list = bad.map((i) => `  ${file}:${i.line} imports '${i.specifier}'`).join('\n');
      throw new Error(
        `migration ${file} imports something other than 'typeorm':\n${list}\n` +
          'A migration is immutable history: spell its values out in the file instead of ' +
          'importing a list that may change later.',
      );
    }
  });

  it('catches every way of importing, and nothing in comments or strings', () => {
    const source = [
      `import { MigrationInterface, QueryRunner } from 'typeorm';`,
      `import { REGIONS } from '@app/common';`,
      `import type { Region } from '@app/common/domain-constants';`,
      `import './side-effect';`,
      `export { X } from '../other';`,
      `const fs = require('node:fs');`,
      `const lazy = () => import('@app/stats');`,
      `// import { NOT } from 'a-comment';`,
      "const sql = `import { NOT } from 'a-string'`;",
    ].join('\n');
    expect(forbiddenImports(source)).toEqual([
      { specifier: '@app/common', line: 2 },
      { specifier: '@app/common/domain-constants', line: 3 },
      { specifier: './side-effect', line: 4 },
      { specifier: '../other', line: 5 },
      { specifier: 'node:fs', line: 6 },
      { specifier: '@app/stats', line: 7 },
    ]);
  });
});
