import { findRepoRoot, loadLibSources, parseSource } from './lib-sources';
import {
  collectEntities,
  collectMigrationTables,
  collectTypeormTables,
  describeForeignWrite,
  describeUnresolvableWrite,
  findForeignWrites,
  findSqlWrites,
  findUnresolvableWrites,
  ownerOfTable,
  scanLibWrites,
  TABLE_OWNERS,
  TYPEORM_TABLES,
} from './table-owners';

/** A synthetic lib file, so the scanner is tested without the real tree. */
function libFile(lib: string, lines: string[], name = 'f.ts') {
  const file = `libs/${lib}/src/${name}`;
  return { lib, file, source: parseSource(file, lines.join('\n')) };
}

/** Fails with every offending line in the message, or passes when there are none. */
function expectNone(what: string, lines: string[]): void {
  expect({ [what]: lines.length, report: lines.join('\n') }).toEqual({ [what]: 0, report: '' });
}

const ENTITY_FILES = [
  libFile('reports', ["@Entity({ name: 'reports' })", 'export class Report {}'], 'e.ts'),
  libFile('cases', ['@Entity()', 'export class CaseEvent {}'], 'e.ts'),
];

describe('table write scanner (synthetic sources)', () => {
  it('finds a foreign INSERT and reports it with lib, file:line, table and owner', () => {
    const file = libFile('funds', [
      '',
      "await m.query('INSERT INTO case_events (a) VALUES ($1)');",
    ]);
    expect(findForeignWrites(scanLibWrites([file])).map(describeForeignWrite)).toEqual([
      'funds libs/funds/src/f.ts:2 writes case_events (owned by cases) via INSERT INTO',
    ]);
  });

  it('ignores SQL in comments, row locks, upsert clauses and prose', () => {
    const file = libFile('funds', [
      '// UPDATE reports SET x = 1',
      '/* DELETE FROM reports */',
      "q('SELECT 1 -- UPDATE reports SET x = 1');",
      'q(`SELECT 1 FROM reports r WHERE id = $1 FOR UPDATE OF r`);',
      "q('SELECT 1 FROM freezes FOR UPDATE SKIP LOCKED');",
      "q('INSERT INTO freezes (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2');",
      "throw new Error('Cannot update reports once closed');",
    ]);
    expect(scanLibWrites([file]).map((w) => `${w.line} ${w.table}`)).toEqual(['6 freezes']);
  });

  it('flags interpolated and concatenated write targets as unresolvable', () => {
    const file = libFile('cases', [
      'q(`UPDATE ${table} SET case_id = $1`);',
      "q('DELETE FROM ' + table);",
      'q(`INSERT INTO "stats_${grain}_cases" VALUES (1)`);',
      'q(`UPDATE cases SET note = ${note}`);',
    ]);
    const unresolvable = findUnresolvableWrites(scanLibWrites([file]));
    expect(unresolvable.map(describeUnresolvableWrite)).toEqual([
      'cases libs/cases/src/f.ts:1 unresolvable write target (UPDATE <interpolated>): name the table literally',
      'cases libs/cases/src/f.ts:2 unresolvable write target (DELETE FROM <interpolated>): name the table literally',
      'cases libs/cases/src/f.ts:3 unresolvable write target (INSERT INTO <interpolated>): name the table literally',
    ]);
  });

  it("allows an owner's writes, in every SQL spelling", () => {
    const writes = scanLibWrites([
      libFile('cases', [
        'q(`UPDATE "cases" AS c SET x = 1`);',
        "q('update only Cases set x = 1');",
        'q(\'DELETE FROM "public"."case_events" WHERE id = 1\');',
        "q('TRUNCATE TABLE case_counters, ONLY offender_records');",
        'q(`INSERT INTO case_identifiers AS i (a)',
        '   VALUES (1)`);',
      ]),
    ]);
    expect(writes.map((w) => `${w.line} ${w.table}`)).toEqual([
      '1 cases',
      '2 cases',
      '3 case_events',
      '4 case_counters',
      '4 offender_records',
      '5 case_identifiers',
    ]);
    expect(findForeignWrites(writes)).toEqual([]);
  });

  it('finds TypeORM writes through entities, repositories and injected repositories', () => {
    const file = libFile('cases', [
      "import { Report as R } from '@app/reports';",
      'class S {',
      '  constructor(@InjectRepository(R) private readonly repo: Repository<R>) {}',
      '  async run(em: EntityManager) {',
      '    await em.insert(R, {});',
      '    await em.getRepository(R).findOne({});',
      '    await em.getRepository(R).save({});',
      '    const reports = em.getRepository(R);',
      '    await reports.delete({ id: 1 });',
      '    await this.repo.update(1, {});',
      '    await em.save(em.create(R, {}));',
      '    await em.save(CaseEvent, {});',
      '  }',
      '}',
    ]);
    const writes = scanLibWrites([file], collectEntities(ENTITY_FILES));
    expect(writes.map((w) => `${w.line} ${w.table} ${w.via}`)).toEqual([
      '3 reports @InjectRepository(Report)',
      '5 reports .insert(Report)',
      '7 reports .save(Report)',
      '9 reports .delete(Report)',
      '10 reports .update(Report)',
      '11 reports .save(Report)',
      '12 case_event .save(CaseEvent)',
    ]);
    expect(findForeignWrites(writes).map((v) => v.owner)).toEqual(
      Array(6).fill('reports').concat([undefined]),
    );
  });

  it('reads created tables from migrations and resolves owners, prefixes included', () => {
    const migration = libFile(
      'database',
      [
        'q(`CREATE TABLE "stats_${grain}_reports" (a int)`);',
        "q('CREATE TABLE IF NOT EXISTS public.widgets ()');",
      ],
      'migrations/1-Init.ts',
    );
    expect(collectMigrationTables([migration]).map((t) => `${t.line} ${t.table}`)).toEqual([
      '1 stats_*_reports',
      '2 widgets',
    ]);
    expect(findSqlWrites('UPDATE x SET a = 1')).toHaveLength(1);
    expect(scanLibWrites([migration])).toEqual([]);
    expect([
      ownerOfTable('stats_*_reports'),
      ownerOfTable('widgets'),
      ownerOfTable('freezes'),
    ]).toEqual(['stats', undefined, 'funds']);
  });
});

describe('table ownership in this repo', () => {
  const files = loadLibSources(findRepoRoot());
  const entities = collectEntities(files);
  const created = collectMigrationTables(files);

  it('finds entities and migrations (so the checks below cannot pass vacuously)', () => {
    expect(entities.length).toBeGreaterThan(5);
    expect(created.length).toBeGreaterThan(5);
  });

  it('gives every table a migration creates an owner', () => {
    const ownerless = created.filter((t) => ownerOfTable(t.table) === undefined);
    expectNone(
      'ownerlessTables',
      ownerless.map(
        (t) => `${t.file}:${t.line} creates ${t.table}, which has no owner in TABLE_OWNERS`,
      ),
    );
  });

  it('maps every entity to an owned table declared in its owner lib', () => {
    const misplaced = entities
      .map((e) => ({ e, owner: ownerOfTable(e.table) }))
      .filter(({ e, owner }) => owner !== e.lib)
      .map(
        ({ e, owner }) =>
          `${e.lib} ${e.file}:${e.line} entity ${e.className} maps ${e.table} (owned by ${owner ?? 'nobody'})`,
      );
    expectNone('misplacedEntities', misplaced);
  });

  it('owns the tables TypeORM itself keeps under the configured names', () => {
    const configured = collectTypeormTables(files);
    expect(configured.length).toBeGreaterThan(0);
    const unowned = configured.filter(
      (t) => !TYPEORM_TABLES.includes(t.table) || ownerOfTable(t.table) !== 'database',
    );
    expectNone(
      'unownedTypeormTables',
      unowned.map(
        (t) => `${t.file}:${t.line} configures ${t.table}: add it to TYPEORM_TABLES and database`,
      ),
    );
  });

  it('lists only tables the migrations create (no typos, no stale owners)', () => {
    const known = new Set(created.map((t) => t.table));
    const stale = Object.entries(TABLE_OWNERS).flatMap(([owner, tables]) =>
      tables
        .filter((t) => !TYPEORM_TABLES.includes(t) && !known.has(t))
        .map((t) => `${owner} owns ${t}, which no migration creates`),
    );
    expectNone('staleOwners', stale);
  });

  const writes = scanLibWrites(files, entities);

  it('has every lib write only the tables it owns', () => {
    expectNone('foreignWrites', findForeignWrites(writes).map(describeForeignWrite));
  });

  it('names every write target literally', () => {
    expectNone('unresolvableWrites', findUnresolvableWrites(writes).map(describeUnresolvableWrite));
  });
});
