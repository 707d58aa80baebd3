import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.data', '.git', 'coverage']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Link targets of a markdown text, code blocks and code spans left out. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)];
  return [...inline, ...references].map((m) => m[1]);
}

/** Why a link target leaves the repository or names nothing; null when it is fine. */
export function linkProblem(file: string, target: string): string | null {
  if (target.startsWith('#')) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return 'points outside the repository (an absolute URL)';
  }
  if (target.startsWith('/')) return 'is an absolute path';
  const path = resolve(dirname(file), decodeURI(target.split(/[#?]/)[0]));
  const inside = relative(ROOT, path);
  if (inside === '..' || inside.startsWith(`..${sep}`)) return 'points outside the repository';
  return existsSync(path) ? null : 'names a file that does not exist';
}

describe('markdown links stay inside the repository', () => {
  it('recognises links that leave it (so the check below can fail)', () => {
    const readme = join(ROOT, 'README.md');
    expect(linkTargets('see [design](../shared/DESIGN.md) and `[x](../y)`')).toEqual([
      '../shared/DESIGN.md',
    ]);
    expect(linkProblem(readme, '../shared/DESIGN.md')).toMatch(/outside/);
    expect(linkProblem(readme, 'https://github.com/other/repo')).toMatch(/outside/);
    expect(linkProblem(readme, '/work/shared/DESIGN.md')).toMatch(/absolute/);
    expect(linkProblem(readme, 'docs/nope.md')).toMatch(/does not exist/);
    expect(linkProblem(readme, 'docs/contract.md#metrics')).toBeNull();
  });

  it('every link of every markdown file resolves to a file of the repository', () => {
    const problems = markdownFiles(ROOT).flatMap((file) =>
      linkTargets(readFileSync(file, 'utf8'))
        .map((target) => [target, linkProblem(file, target)] as const)
        .filter(([, problem]) => problem !== null)
        .map(([target, problem]) => `${relative(ROOT, file)}: ${target} ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
