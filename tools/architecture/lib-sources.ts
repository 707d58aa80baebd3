import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** One lib: its `@app/<name>` alias and the folder its alias points at. */
export interface LibRoot {
  name: string;
  /** Repo-relative folder, always `libs/<dir>/src` with forward slashes. */
  srcDir: string;
}

/** A parsed non-spec source file of a lib. */
export interface LibSourceFile {
  lib: string;
  /** Repo-relative path with forward slashes. */
  file: string;
  source: ts.SourceFile;
}

/** Walks up from this file to the repo root so the checks keep working if tools/ moves. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'libs'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no tsconfig.json with a libs/ folder above ${start}`);
    dir = parent;
  }
}

/** Normalises a path to forward slashes without a leading `./` or trailing `/`. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Reads the lib list from tsconfig `paths` so a new lib is checked the day it gets an alias. */
export function readLibRoots(root: string): LibRoot[] {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const options = (read.config as { compilerOptions?: { paths?: unknown; baseUrl?: string } })
    .compilerOptions;
  const paths = (options?.paths ?? {}) as Record<string, string[]>;
  const baseUrl = options?.baseUrl ?? '.';
  const libs: LibRoot[] = [];
  for (const [alias, targets] of Object.entries(paths)) {
    const aliasMatch = /^@app\/([^/*]+)$/.exec(alias);
    if (!aliasMatch) continue;
    for (const target of targets) {
      const srcDir = toPosix(path.posix.join(toPosix(baseUrl) || '.', toPosix(target)));
      if (/^libs\/[^/]+\/src$/.test(srcDir)) libs.push({ name: aliasMatch[1], srcDir });
    }
  }
  return libs.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lists `.ts` files below a folder (specs and declarations left out) in a stable order. */
export function listTsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listTsFiles(full));
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(full);
    }
  }
  return out.sort();
}

/** Parses a file without a program: the checks only need syntax, so they stay fast. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Loads every non-spec source file of every lib once, tagged with its lib. */
export function loadLibSources(
  root: string,
  libs: LibRoot[] = readLibRoots(root),
): LibSourceFile[] {
  const files: LibSourceFile[] = [];
  for (const lib of libs) {
    for (const full of listTsFiles(path.join(root, lib.srcDir))) {
      const file = toPosix(path.relative(root, full));
      files.push({ lib: lib.name, file, source: parseSource(file, fs.readFileSync(full, 'utf8')) });
    }
  }
  return files;
}

/** 1-based line of a node, for file:line messages. */
export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}
