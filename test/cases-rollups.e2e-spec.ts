import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TriageService } from '@app/cases';
import {
  caseOf,
  eventually,
  ringReport,
  startCasesDeployment,
  TestDeployment,
  TestStaff,
  uniqueIban,
  uniqueSuspectPhone,
  uniqueUrl,
} from '@app/testing';

interface Mismatch {
  case_id: string;
  what: string;
}

/**
 * Every difference between the trigger-kept per-case rollups (migration CaseRollups) and a
 * recount from `reports` and `report_identifiers`, in one statement (one snapshot).
 */
async function rollupMismatches(db: DataSource): Promise<Mismatch[]> {
  return db.query(`
    WITH truth AS (
      SELECT c.id AS case_id,
             (SELECT count(*) FROM reports r WHERE r.case_id = c.id)::int AS report_count,
             (SELECT COALESCE(sum(r.loss_tiyn), 0) FROM reports r WHERE r.case_id = c.id)::numeric
               AS loss_tiyn,
             (SELECT count(DISTINCT (i.type, i.value)) FROM reports r
                JOIN report_identifiers i ON i.report_id = r.id WHERE r.case_id = c.id)::int
               AS identifier_count
        FROM cases c
    ), pairs AS (
      SELECT r.case_id, i.type, i.value, count(*)::int AS report_count
        FROM reports r JOIN report_identifiers i ON i.report_id = r.id
       WHERE r.case_id IS NOT NULL
       GROUP BY r.case_id, i.type, i.value
    )
    SELECT t.case_id, 'case totals' AS what
      FROM truth t LEFT JOIN case_rollups k ON k.case_id = t.case_id
     WHERE t.report_count <> COALESCE(k.report_count, 0)
        OR t.loss_tiyn <> COALESCE(k.loss_tiyn, 0)
        OR t.identifier_count <> COALESCE(k.identifier_count, 0)
    UNION ALL
    SELECT case_id, 'identifier missing or miscounted: ' || type || ' ' || value
      FROM (SELECT * FROM pairs
            EXCEPT SELECT case_id, type, value, report_count FROM case_identifier_rollups) x
    UNION ALL
    SELECT case_id, 'identifier not in the case: ' || type || ' ' || value
      FROM (SELECT case_id, type, value, report_count FROM case_identifier_rollups
            EXCEPT SELECT * FROM pairs) y`);
}

async function rollupOf(db: DataSource, caseId: string) {
  const [row] = (await db.query(
    `SELECT report_count, loss_tiyn::text AS loss_tiyn, identifier_count
       FROM case_rollups WHERE case_id = $1`,
    [caseId],
  )) as { report_count: number; loss_tiyn: string; identifier_count: number }[];
  return row;
}

/**
 * The per-case rollups behind GET /cases/{id} (report count, loss, identifier ranking) stay
 * exactly the recount after every write that changes them: triage (also racing), statements
 * adding suspects and loss to linked reports (also in parallel), and merges moving reports.
 */
describe('cases: per-case rollups agree with a recount', () => {
  let d: TestDeployment;
  let db: DataSource;
  let supervisor: TestStaff;
  const ringPhone = uniqueSuspectPhone();
  const ring: { id: string; reference: string; accessCode: string }[] = [];
  let ringCase = '';

  beforeAll(async () => {
    ({ d, db, supervisor } = await startCasesDeployment('cases-rollups'));
  });
  afterAll(async () => d?.close());

  it('counts a ring triaged by racing workers once per report', async () => {
    const triage = d.api.get(TriageService);
    ring.push(
      ...(await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          ringReport(d, {
            suspects: [
              { type: 'phone', value: ringPhone },
              { type: 'url', value: n < 4 ? 'https://shared-rollup.example.kz/' : uniqueUrl() },
            ],
          }),
        ),
      )),
    );
    // The in-process worker triages them too: these calls race with it and with each other.
    const results = await Promise.all(
      ring.flatMap((r) => [triage.triage(r.id), triage.triage(r.id)]),
    );
    const cases = new Set(results.map((r) => r.caseId));
    expect(cases.size).toBe(1);
    ringCase = [...cases][0] as string;
    // The worker's own runs may still be finishing: wait until every report is in.
    await Promise.all(ring.map((r) => caseOf(d, r.id)));

    expect(await rollupMismatches(db)).toEqual([]);
    // phone + shared URL + 4 URLs of their own (the normalised forms are stored).
    expect(await rollupOf(db, ringCase)).toMatchObject({ report_count: 8, identifier_count: 6 });

    const detail = await supervisor.api.get(`/cases/${ringCase}`).expect(200);
    expect(detail.body).toMatchObject({ reportCount: 8, identifierCount: 6 });
    const ranked = (detail.body as { identifiers: { type: string; reportCount: number }[] })
      .identifiers;
    expect(ranked.map((i) => i.reportCount)).toEqual([8, 4, 1, 1, 1, 1]);
    expect(ranked[0].type).toBe('phone');
  });

  it('follows statements adding suspects and loss, several at once', async () => {
    const added = uniqueSuspectPhone();
    const recent = new Date(Date.now() - 3600_000).toISOString();
    const before = await rollupOf(db, ringCase);
    await Promise.all(
      ring.slice(0, 4).map((r) =>
        d
          .http()
          .post(`/api/v1/reports/${r.reference}/statements`)
          .set('X-Access-Code', r.accessCode)
          .send({
            suspects: [{ type: 'phone', value: added }],
            transactions: [
              {
                paidAt: recent,
                amount: '1500.00',
                method: 'bank_transfer',
                toAccount: uniqueIban(),
              },
            ],
          })
          .expect(201),
      ),
    );
    // The statement writes its identifiers and loss at once; re-triage (worker) may add more.
    await eventually(async () => {
      const [row] = (await db.query(
        `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'identifiers.added'`,
        [ringCase],
      )) as { n: number }[];
      return row.n >= 1 ? row.n : null;
    }, 30_000);

    expect(await rollupMismatches(db)).toEqual([]);
    const after = await rollupOf(db, ringCase);
    expect(after.report_count).toBe(8);
    // One new phone shared by four reports, four IBANs of their own.
    expect(after.identifier_count).toBe(before.identifier_count + 5);
    expect(BigInt(after.loss_tiyn) - BigInt(before.loss_tiyn)).toBe(4n * 150_000n);
    const detail = await supervisor.api.get(`/cases/${ringCase}`).expect(200);
    expect((detail.body as { reportCount: number }).reportCount).toBe(8);
  });

  it('moves the counts with the reports when cases merge', async () => {
    const sourceReports = await Promise.all(
      [0, 1, 2].map((n) =>
        ringReport(d, {
          // Two of them name the ring's phone too: the target's count for it must add up.
          suspects: [
            { type: 'phone', value: n < 2 ? ringPhone : uniqueSuspectPhone() },
            { type: 'email', value: `m${randomBytes(4).toString('hex')}@mail.kz` },
          ],
        }),
      ),
    );
    const sourceCases = await Promise.all(sourceReports.map((r) => caseOf(d, r.id)));
    // Triage put the two naming the ring's phone into the ring's case; the third opened its own.
    const source = sourceCases[2];
    expect(source).not.toBe(ringCase);
    const target = await rollupOf(db, ringCase);
    const moving = await rollupOf(db, source);

    const res = await supervisor.api.post(`/cases/${ringCase}/merge`, { sourceCaseId: source });
    expect(`${res.status} ${JSON.stringify(res.body)}`).toMatch(/^200 /);

    expect(await rollupMismatches(db)).toEqual([]);
    expect(await rollupOf(db, source)).toMatchObject({ report_count: 0, identifier_count: 0 });
    const merged = await rollupOf(db, ringCase);
    expect(merged.report_count).toBe(target.report_count + moving.report_count);
    expect(merged.identifier_count).toBe(target.identifier_count + moving.identifier_count);
    const detail = await supervisor.api.get(`/cases/${ringCase}`).expect(200);
    expect(detail.body).toMatchObject({
      reportCount: merged.report_count,
      identifierCount: merged.identifier_count,
    });
  });

  it('rebuilds to the same figures (the repair the bench loader uses)', async () => {
    const kept = await db.query(
      'SELECT * FROM case_identifier_rollups ORDER BY case_id, type, value',
    );
    const totals = await db.query(
      'SELECT * FROM case_rollups WHERE report_count > 0 ORDER BY case_id',
    );
    await db.query('SELECT case_rollups_rebuild()');
    expect(kept.length).toBeGreaterThan(0);
    expect(
      await db.query('SELECT * FROM case_identifier_rollups ORDER BY case_id, type, value'),
    ).toEqual(kept);
    expect(await db.query('SELECT * FROM case_rollups ORDER BY case_id')).toEqual(totals);
  });
});
