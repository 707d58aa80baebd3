import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain CommonJS (it runs before dist/ exists); typed here for the spec.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .js tool without types
const { sourceHash } = require('./build-stamp.js') as { sourceHash: (root: string) => string };

describe('build stamp: npm start rebuilds only when the sources changed', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
    mkdirSync(join(root, 'apps', 'api'), { recursive: true });
    writeFileSync(join(root, 'apps', 'api', 'main.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for the same content, even with new mtimes (a fresh checkout)', () => {
    const before = sourceHash(root);
    utimesSync(join(root, 'apps', 'api', 'main.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(sourceHash(root)).toBe(before);
  });

  it('changes when a source, a tsconfig or the lock file changes, or a file is added', () => {
    const seen = new Set([sourceHash(root)]);
    writeFileSync(join(root, 'apps', 'api', 'main.ts'), 'export const a = 2;\n');
    seen.add(sourceHash(root));
    writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
    seen.add(sourceHash(root));
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    seen.add(sourceHash(root));
    mkdirSync(join(root, 'libs'));
    writeFileSync(join(root, 'libs', 'x.ts'), '\n');
    seen.add(sourceHash(root));
    expect(seen.size).toBe(5);
  });
});
