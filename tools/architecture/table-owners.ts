import * as ts from 'typescript';
import { lineOf, LibSourceFile } from './lib-sources';
import {
  collectEntities,
  DYNAMIC,
  EntityInfo,
  scanFileWrites,
  stripSqlComments,
  WriteSite,
} from './write-scanner';

export { collectEntities, findSqlWrites, scanFileWrites } from './write-scanner';
export type { EntityInfo, WriteSite } from './write-scanner';

/** Owner lib → the tables only it may write. A new table must be added here. */
export const TABLE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  identity: ['users', 'login_throttles', 'staff_sessions'],
  audit: ['audit_log'],
  reports: [
    'reports',
    'report_transactions',
    'report_identifiers',
    'report_statements',
    'evidence',
    'outbox',
    'reference_counters',
  ],
  cases: [
    'cases',
    'case_identifiers',
    'case_events',
    'offender_records',
    'case_counters',
    'case_flags',
    // Written only by the triggers of migration CaseRollups, on writes the cases lib makes.
    'case_rollups',
    'case_identifier_rollups',
  ],
  funds: [
    'freeze_requests',
    'freezes',
    'freeze_releases',
    'reimbursements',
    'reimbursement_reversals',
  ],
  takedowns: ['takedowns'],
  loans: ['loan_writeoffs'],
  notices: ['citizen_notices'],
  // schema_migrations is the configured migrationsTableName; the others are TypeORM's defaults.
  database: ['schema_migrations', 'migrations', 'typeorm_metadata'],
};

/** Owner lib → table-name prefixes it owns (the stats rollups and `stats_settings`). */
export const TABLE_PREFIX_OWNERS: Readonly<Record<string, readonly string[]>> = {
  stats: ['stats_'],
};

/** Tables TypeORM creates itself: owned, but never in a migration, so not checked against one. */
export const TYPEORM_TABLES: readonly string[] = [
  'schema_migrations',
  'migrations',
  'typeorm_metadata',
];

const TYPEORM_TABLE_OPTIONS = new Set(['migrationsTableName', 'metadataTableName']);

/** A table name as a migration creates it; `*` marks an interpolated part. */
export interface CreatedTable {
  table: string;
  file: string;
  line: number;
}

/** A write that breaks the ownership table, ready to print. */
export interface OwnershipViolation {
  site: WriteSite;
  owner: string | undefined;
}

/** Migrations are schema history owned by database, so their writes are not lib writes. */
export function isMigrationFile(file: string): boolean {
  return /\/src\/(?:.*\/)?migrations\//.test(file);
}

/** Finds the owner of a table (or of every expansion of a `*` pattern) from the table above. */
export function ownerOfTable(table: string): string | undefined {
  const starAt = table.indexOf('*');
  if (starAt < 0) {
    const exact = Object.keys(TABLE_OWNERS).find((owner) => TABLE_OWNERS[owner].includes(table));
    if (exact) return exact;
  }
  const known = starAt < 0 ? table : table.slice(0, starAt);
  return Object.keys(TABLE_PREFIX_OWNERS).find((owner) =>
    TABLE_PREFIX_OWNERS[owner].some((prefix) => known.startsWith(prefix)),
  );
}

const CREATE_PART = `(?:"(?:[^"]|"")*"|[A-Za-z_${DYNAMIC}][\\w$${DYNAMIC}]*)`;
const CREATE_NAME = `${CREATE_PART}(?:\\s*\\.\\s*${CREATE_PART})?`;
const CREATES_TABLE = new RegExp(
  `\\bCREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+` +
    `(?:IF\\s+NOT\\s+EXISTS\\s+)?(${CREATE_NAME})` +
    `|\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?${CREATE_NAME}\\s+RENAME\\s+TO\\s+(${CREATE_PART})`,
  'gi',
);

/** Normalises a created name: schema dropped, quotes removed, interpolations shown as `*`. */
function createdName(qualified: string): string {
  const parts = qualified.match(new RegExp(CREATE_PART, 'g')) ?? [];
  const last = parts[parts.length - 1] ?? '';
  const name = last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
  return name.split(DYNAMIC).join('*');
}

/** Lists the tables the migrations create, so every one of them must have an owner. */
export function collectMigrationTables(files: readonly LibSourceFile[]): CreatedTable[] {
  const created: CreatedTable[] = [];
  for (const { file, source } of files.filter((f) => isMigrationFile(f.file))) {
    // Reads every string and template, with interpolations kept as `*` in the name.
    const visit = (node: ts.Node): void => {
      let text: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      if (ts.isTemplateExpression(node)) {
        text = node.head.text + node.templateSpans.map((s) => DYNAMIC + s.literal.text).join('');
      }
      if (text !== undefined) {
        for (const match of stripSqlComments(text).matchAll(CREATES_TABLE)) {
          const line = lineOf(node) + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
          created.push({ table: createdName(match[1] ?? match[2]), file, line });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return created;
}

/** Reads `migrationsTableName` / `metadataTableName` options, so a renamed TypeORM table stays owned. */
export function collectTypeormTables(files: readonly LibSourceFile[]): CreatedTable[] {
  const found: CreatedTable[] = [];
  for (const { file, source } of files) {
    // Looks at every property assignment, wherever the data source options are built.
    const visit = (node: ts.Node): void => {
      if (
        ts.isPropertyAssignment(node) &&
        TYPEORM_TABLE_OPTIONS.has(node.name.getText()) &&
        ts.isStringLiteralLike(node.initializer)
      ) {
        found.push({ table: node.initializer.text, file, line: lineOf(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Scans every non-migration lib file for writes (SQL text and TypeORM calls). */
export function scanLibWrites(
  files: readonly LibSourceFile[],
  entities: readonly EntityInfo[] = collectEntities(files),
): WriteSite[] {
  return files
    .filter((f) => !isMigrationFile(f.file))
    .flatMap((f) => scanFileWrites(f, entities))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Writes to a table owned by another lib, or to a table nobody owns. */
export function findForeignWrites(writes: readonly WriteSite[]): OwnershipViolation[] {
  return writes
    .filter((site) => site.table !== null)
    .map((site) => ({ site, owner: ownerOfTable(site.table!) }))
    .filter(({ site, owner }) => owner !== site.lib);
}

/** Writes whose table is interpolated or concatenated: they cannot be checked, so they fail. */
export function findUnresolvableWrites(writes: readonly WriteSite[]): WriteSite[] {
  return writes.filter((site) => site.table === null);
}

/** `lib file:line writes <table> (owned by <owner>)`, the line the restructure works from. */
export function describeForeignWrite({ site, owner }: OwnershipViolation): string {
  const ownedBy = owner ? `owned by ${owner}` : 'no owner in TABLE_OWNERS';
  return `${site.lib} ${site.file}:${site.line} writes ${site.table} (${ownedBy}) via ${site.via}`;
}

/** One line per write whose target could not be read from the source. */
export function describeUnresolvableWrite(site: WriteSite): string {
  return `${site.lib} ${site.file}:${site.line} unresolvable write target (${site.via}): name the table literally`;
}
