import * as path from 'node:path';
import * as ts from 'typescript';
import { lineOf, LibRoot, LibSourceFile } from './lib-sources';

/** Deep entry points a lib may expose besides its barrel (the worker must not load controllers). */
export const ALLOWED_ENTRY_POINTS: readonly string[] = ['api', 'worker'];

/** One module specifier a file imports or re-exports. */
export interface ModuleReference {
  specifier: string;
  line: number;
}

/** An import that crosses from one lib into another. */
export interface LibEdge {
  from: string;
  to: string;
  file: string;
  line: number;
  specifier: string;
  /** `null` for the lib barrel; the sub-path for `@app/x/<sub>` or a relative path into x. */
  deepPath: string | null;
  relative: boolean;
}

/** Lib → imported lib → every import site of that edge, in file/line order. */
export type LibGraph = Map<string, Map<string, LibEdge[]>>;

/** Reads a string-literal argument, the only kind a resolvable module specifier can be. */
function literalText(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;
}

/** Collects every module specifier from the AST, type-only forms included, so none slips by. */
export function extractModuleReferences(source: ts.SourceFile): ModuleReference[] {
  const found: ModuleReference[] = [];
  // Keeps only literal specifiers: a computed one cannot be resolved to a lib anyway.
  const add = (node: ts.Node | undefined) => {
    const specifier = literalText(node);
    if (node && specifier !== undefined) found.push({ specifier, line: lineOf(node) });
  };
  // Walks every node, since import() and require() may sit anywhere in a file.
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Maps a specifier to the lib it lands in (alias or relative path), or null if it is not a lib. */
export function resolveLibTarget(
  specifier: string,
  fromFile: string,
  libs: readonly LibRoot[],
): { lib: string; deepPath: string | null; relative: boolean } | null {
  const alias = /^@app\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (alias) {
    const lib = libs.find((l) => l.name === alias[1]);
    return lib ? { lib: lib.name, deepPath: alias[2] ?? null, relative: false } : null;
  }
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  for (const lib of libs) {
    const libDir = path.posix.dirname(lib.srcDir);
    if (target === libDir || target.startsWith(`${libDir}/`)) {
      const deepPath = target === lib.srcDir ? null : path.posix.relative(lib.srcDir, target);
      return { lib: lib.name, deepPath, relative: true };
    }
  }
  return null;
}

/** Builds the lib dependency graph with every import site, so each edge can be traced to code. */
export function buildLibGraph(files: readonly LibSourceFile[], libs: readonly LibRoot[]): LibGraph {
  const graph: LibGraph = new Map(libs.map((l) => [l.name, new Map<string, LibEdge[]>()]));
  for (const { lib, file, source } of files) {
    for (const ref of extractModuleReferences(source)) {
      const target = resolveLibTarget(ref.specifier, file, libs);
      if (!target) continue;
      // A relative path inside the same lib is ordinary; `@app/<self>` is a barrel self-import.
      if (target.lib === lib && target.relative) continue;
      const edges = graph.get(lib) ?? new Map<string, LibEdge[]>();
      graph.set(lib, edges);
      const sites = edges.get(target.lib) ?? [];
      edges.set(target.lib, sites);
      sites.push({
        from: lib,
        to: target.lib,
        file,
        line: ref.line,
        specifier: ref.specifier,
        ...target,
      });
    }
  }
  for (const edges of graph.values()) {
    for (const sites of edges.values()) {
      sites.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    }
  }
  return graph;
}

/** Tarjan's algorithm: strongly connected components, the places where cycles can live. */
export function stronglyConnectedComponents(
  adjacency: ReadonlyMap<string, Iterable<string>>,
): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Tarjan's recursive step: numbers the node and pops a component when it is its root.
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of adjacency.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of [...adjacency.keys()].sort()) if (!index.has(node)) connect(node);
  return components;
}

/** Lists every elementary cycle (first node repeated at the end) so each one can be fixed. */
export function findCycles(
  adjacency: ReadonlyMap<string, Iterable<string>>,
  limit = 500,
): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnectedComponents(adjacency)) {
    const members = new Set(component);
    for (const [rank, start] of component.entries()) {
      // Only walk nodes ranked at or after the start, so each cycle is found once.
      const allowed = new Set(component.slice(rank));
      // Depth-first over simple paths back to the start; each one found is a cycle.
      const walk = (node: string, trail: string[]): void => {
        for (const next of [...(adjacency.get(node) ?? [])].sort()) {
          if (cycles.length >= limit || !members.has(next) || !allowed.has(next)) continue;
          if (next === start) cycles.push([...trail, start]);
          else if (!trail.includes(next)) walk(next, [...trail, next]);
        }
      };
      walk(start, [start]);
    }
  }
  return cycles;
}

/** Turns the graph into plain adjacency for the cycle finder. */
export function adjacencyOf(graph: LibGraph): Map<string, string[]> {
  return new Map([...graph].map(([lib, edges]) => [lib, [...edges.keys()].sort()]));
}

/** Renders a cycle with one example import per edge, which is what someone fixing it needs. */
export function describeCycle(cycle: readonly string[], graph: LibGraph): string {
  const lines = [cycle.join(' → ')];
  for (let i = 0; i + 1 < cycle.length; i += 1) {
    const sites = graph.get(cycle[i])?.get(cycle[i + 1]) ?? [];
    const example = sites[0];
    const more = sites.length > 1 ? ` (+${sites.length - 1} more)` : '';
    const where = example ? `${example.file}:${example.line} '${example.specifier}'` : '?';
    lines.push(`    ${cycle[i]} → ${cycle[i + 1]}: ${where}${more}`);
  }
  return lines.join('\n');
}

/** Lists every import site of every edge that sits on a cycle: the full worklist to break them. */
export function describeCycleEdges(cycles: readonly string[][], graph: LibGraph): string[] {
  const edges = new Set<string>();
  for (const cycle of cycles) {
    for (let i = 0; i + 1 < cycle.length; i += 1) edges.add(`${cycle[i]}\u0000${cycle[i + 1]}`);
  }
  return [...edges].sort().flatMap((key) => {
    const [from, to] = key.split('\u0000');
    const sites = graph.get(from)?.get(to) ?? [];
    return sites.map((s) => `${from} → ${to}: ${s.file}:${s.line} '${s.specifier}'`);
  });
}

/** Finds imports that reach into another lib instead of its barrel or a documented entry point. */
export function findDeepImports(graph: LibGraph): LibEdge[] {
  const deep: LibEdge[] = [];
  for (const edges of graph.values()) {
    for (const sites of edges.values()) {
      for (const site of sites) {
        if (site.from === site.to && !site.relative) continue;
        const allowedEntry =
          !site.relative &&
          (site.deepPath === null || ALLOWED_ENTRY_POINTS.includes(site.deepPath));
        if (!allowedEntry) deep.push(site);
      }
    }
  }
  return deep.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line per deep import, with the fix spelled out. */
export function describeDeepImport(site: LibEdge): string {
  const how = site.relative ? 'relative path into' : 'deep path into';
  return `${site.from} ${site.file}:${site.line} imports '${site.specifier}' (${how} ${site.to}; use @app/${site.to} or @app/${site.to}/{${ALLOWED_ENTRY_POINTS.join(',')}})`;
}
