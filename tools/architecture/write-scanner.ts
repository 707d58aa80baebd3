import * as ts from 'typescript';
import { lineOf, LibSourceFile } from './lib-sources';

/** A TypeORM entity class and the table it maps to. */
export interface EntityInfo {
  className: string;
  table: string;
  lib: string;
  file: string;
  line: number;
}

/** One place where a lib writes a table; `table` is null when the target is not a literal name. */
export interface WriteSite {
  lib: string;
  file: string;
  line: number;
  table: string | null;
  via: string;
}

/** Stands for an interpolated `${...}` or a concatenated operand inside SQL text. */
export const DYNAMIC = '\u0001';

const PART = `(?:"(?:[^"]|"")*"|[A-Za-z_${DYNAMIC}][\\w$${DYNAMIC}]*)`;
const QNAME = `${PART}(?:\\s*\\.\\s*${PART})?`;
const LIST = `(?:ONLY\\s+)?${QNAME}\\s*\\*?(?:\\s*,\\s*(?:ONLY\\s+)?${QNAME}\\s*\\*?)*`;
const NOT_AFTER = '(?<!\\b(?:FOR|DO|KEY|ON|BEFORE|AFTER|OR)\\s+)';
const SQL_WRITES: ReadonlyArray<{ verb: string; pattern: RegExp }> = [
  { verb: 'INSERT INTO', pattern: new RegExp(`\\bINSERT\\s+INTO\\s+(${QNAME})`, 'gi') },
  { verb: 'MERGE INTO', pattern: new RegExp(`\\bMERGE\\s+INTO\\s+(?:ONLY\\s+)?(${QNAME})`, 'gi') },
  { verb: 'UPDATE', pattern: new RegExp(`${NOT_AFTER}\\bUPDATE\\s+(?:ONLY\\s+)?(${QNAME})`, 'gi') },
  {
    verb: 'DELETE FROM',
    pattern: new RegExp(`\\bDELETE\\s+FROM\\s+(?:ONLY\\s+)?(${QNAME})`, 'gi'),
  },
  {
    verb: 'TRUNCATE',
    pattern: new RegExp(`${NOT_AFTER}\\bTRUNCATE\\s+(?:TABLE\\s+)?(${LIST})`, 'gi'),
  },
];
/** What may sit between `UPDATE <table>` and `SET`: `*`, an alias, `AS alias`. */
const UPDATE_TAIL = new RegExp(`^\\s*\\*?\\s*(?:(?:AS\\s+)?(?!SET\\b)${PART}\\s+)?SET\\b`, 'i');
const NOT_TABLES = new Set(['set', 'of', 'skip', 'nowait', 'only', 'table']);
const ORM_WRITES = new Set([
  ...['insert', 'update', 'delete', 'save', 'upsert', 'remove', 'softDelete', 'softRemove'],
  ...['restore', 'recover', 'increment', 'decrement', 'clear', 'into'],
]);
const REPOSITORY_FACTORIES = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository']);

/** Blanks SQL comments (keeping offsets and newlines) so commented-out SQL is not a write. */
export function stripSqlComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/** Turns one (possibly qualified, quoted) SQL name into a table name, or null if dynamic. */
function tableName(qualified: string): string | null {
  const parts = qualified.match(new RegExp(PART, 'g')) ?? [];
  const last = parts[parts.length - 1] ?? '';
  if (last.includes(DYNAMIC)) return null;
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
}

/** Finds write statements in SQL text, so raw queries are held to the ownership table too. */
export function findSqlWrites(
  sql: string,
): Array<{ offset: number; verb: string; table: string | null }> {
  const text = stripSqlComments(sql);
  const found: Array<{ offset: number; verb: string; table: string | null }> = [];
  for (const { verb, pattern } of SQL_WRITES) {
    for (const match of text.matchAll(pattern)) {
      const names = verb === 'TRUNCATE' ? match[1].split(',') : [match[1]];
      for (const raw of names) {
        const name = raw
          .trim()
          .replace(/^ONLY\s+/i, '')
          .replace(/\s*\*$/, '');
        const table = tableName(name);
        if (table !== null && NOT_TABLES.has(table)) continue;
        const tail = text.slice((match.index ?? 0) + match[0].length);
        if (verb === 'UPDATE' && table !== null && !UPDATE_TAIL.test(tail)) continue;
        found.push({ offset: match.index ?? 0, verb, table });
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** TypeORM's default table name for an undecorated `@Entity()` class. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Reads `@Entity(...)` decorators so entity classes used in TypeORM calls map to tables. */
export function collectEntities(files: readonly LibSourceFile[]): EntityInfo[] {
  const entities: EntityInfo[] = [];
  for (const { lib, file, source } of files) {
    // Entities may be declared anywhere in a lib, so every class is looked at.
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const decorator of ts.getDecorators(node) ?? []) {
          const call = decorator.expression;
          if (!ts.isCallExpression(call) || call.expression.getText() !== 'Entity') continue;
          const [arg] = call.arguments;
          let table = snakeCase(node.name.text);
          if (arg && ts.isStringLiteralLike(arg)) table = arg.text;
          if (arg && ts.isObjectLiteralExpression(arg)) {
            for (const prop of arg.properties) {
              if (ts.isPropertyAssignment(prop) && prop.name.getText() === 'name') {
                if (ts.isStringLiteralLike(prop.initializer)) table = prop.initializer.text;
              }
            }
          }
          entities.push({ className: node.name.text, table, lib, file, line: lineOf(node.name) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return entities;
}

/** The text and line of each literal piece, with `${...}` replaced by the DYNAMIC marker. */
function literalSql(
  node: ts.Node,
): { text: string; pieces: Array<{ start: number; line: number }> } | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    const concatenated =
      ts.isBinaryExpression(node.parent) &&
      node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      node.parent.left === node;
    return {
      text: node.text + (concatenated ? DYNAMIC : ''),
      pieces: [{ start: 0, line: lineOf(node) }],
    };
  }
  if (!ts.isTemplateExpression(node)) return null;
  let text = node.head.text;
  const pieces = [{ start: 0, line: lineOf(node) }];
  for (const span of node.templateSpans) {
    text += DYNAMIC;
    pieces.push({ start: text.length, line: lineOf(span.literal) });
    text += span.literal.text;
  }
  return { text, pieces };
}

/** Maps an offset in a literal's text back to a source line for the file:line message. */
function lineAt(sql: ReturnType<typeof literalSql> & object, offset: number): number {
  const piece = [...sql.pieces].reverse().find((p) => p.start <= offset) ?? sql.pieces[0];
  return piece.line + (sql.text.slice(piece.start, offset).match(/\n/g)?.length ?? 0);
}

/** Scans one file for SQL and TypeORM writes, so the ownership test sees every write path. */
export function scanFileWrites(file: LibSourceFile, entities: readonly EntityInfo[]): WriteSite[] {
  const writes: WriteSite[] = [];
  const importedAs = new Map<string, string>();
  const repositories = new Map<string, EntityInfo>();
  // Records a write at the node's line, in the order the file is read.
  const record = (node: ts.Node, table: string | null, via: string) =>
    writes.push({ lib: file.lib, file: file.file, line: lineOf(node), table, via });
  // Resolves a TypeORM target (class, aliased import, namespace member or name) to an entity.
  const entityOf = (node: ts.Node | undefined): EntityInfo | undefined => {
    if (!node) return undefined;
    let name: string | undefined;
    if (ts.isIdentifier(node)) name = importedAs.get(node.text) ?? node.text;
    else if (ts.isPropertyAccessExpression(node)) name = node.name.text;
    else if (ts.isStringLiteralLike(node)) name = node.text;
    const matches = entities.filter(
      (e) => e.className === name || (ts.isStringLiteralLike(node) && e.table === name),
    );
    return matches.find((e) => e.lib === file.lib) ?? matches[0];
  };
  // Sees `x.getRepository(Entity)`, so chained and stored repositories count as that entity.
  const repositoryEntity = (node: ts.Node | undefined): EntityInfo | undefined => {
    if (!node || !ts.isCallExpression(node)) return undefined;
    const callee = node.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    return REPOSITORY_FACTORIES.has(name) ? entityOf(node.arguments[0]) : undefined;
  };
  // Sees `save(m.create(Entity, ...))` and `save(new Entity())`, whose target is the argument.
  const createdEntity = (arg: ts.Expression | undefined): EntityInfo | undefined => {
    if (arg && ts.isNewExpression(arg)) return entityOf(arg.expression);
    const isCreate =
      arg &&
      ts.isCallExpression(arg) &&
      ts.isPropertyAccessExpression(arg.expression) &&
      arg.expression.name.text === 'create';
    return isCreate ? entityOf(arg.arguments[0]) : undefined;
  };
  // Walks the whole AST once; comments are not nodes, so commented-out code is never seen.
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node))
      importedAs.set(node.name.text, (node.propertyName ?? node.name).text);
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.initializer) {
      const entity = repositoryEntity(node.initializer);
      const key = ts.isPropertyDeclaration(node)
        ? `this.${node.name.getText()}`
        : node.name.getText();
      if (entity) repositories.set(key, entity);
    }
    if (ts.isParameter(node)) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText() !== 'InjectRepository')
          continue;
        const entity = entityOf(call.arguments[0]);
        if (!entity) continue;
        repositories.set(`this.${node.name.getText()}`, entity);
        record(decorator, entity.table, `@InjectRepository(${entity.className})`);
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression;
      const [first] = node.arguments;
      if (ORM_WRITES.has(method)) {
        const entity =
          method === 'into'
            ? entityOf(first)
            : (entityOf(first) ??
              repositoryEntity(receiver) ??
              repositories.get(receiver.getText()) ??
              createdEntity(first));
        if (entity) record(node.expression.name, entity.table, `.${method}(${entity.className})`);
      }
    }
    const sql = literalSql(node);
    if (sql) {
      for (const hit of findSqlWrites(sql.text)) {
        record(node, hit.table, hit.table === null ? `${hit.verb} <interpolated>` : hit.verb);
        writes[writes.length - 1].line = lineAt(sql, hit.offset);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file.source);
  return writes;
}
