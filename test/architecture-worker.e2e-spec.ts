import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** The source files (under apps/ and libs/) that loading a compiled app module pulls in. */
function loadedSources(modulePath: string): string[] {
  const script = `
    require(${JSON.stringify(modulePath)});
    const root = ${JSON.stringify(join(root, 'dist'))};
    process.stdout.write(JSON.stringify(Object.keys(require.cache)
      .filter((f) => f.startsWith(root)).map((f) => f.slice(root.length + 1))));`;
  const res = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`loading ${modulePath} failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as string[];
}

describe('architecture: the worker process loads no controller', () => {
  const dist = (app: string, file: string) => join(root, 'dist', 'apps', app, 'src', file);

  beforeAll(() => {
    if (!existsSync(dist('worker', 'worker.module.js'))) {
      throw new Error('the compiled apps are missing: run `npm run build` first');
    }
  });

  it('the worker module graph holds no controller file', () => {
    const files = loadedSources(dist('worker', 'worker.module.js'));
    expect(files.some((f) => /\.processor\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => /controllers?\.js$/.test(f))).toEqual([]);
  });

  it('the API module graph holds the controllers (so the check above can fail)', () => {
    const files = loadedSources(dist('api', 'api.module.js'));
    expect(files.filter((f) => /controllers?\.js$/.test(f)).length).toBeGreaterThan(5);
    expect(files.filter((f) => /\.processor\.js$/.test(f))).toEqual([]);
  });
});
