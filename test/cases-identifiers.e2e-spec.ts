import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  caseOf,
  ringReport,
  startCasesDeployment,
  submitReport,
  uniqueUrl,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

describe('cases: identifier search and the staff report view', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let national: TestStaff;
  let stranger: TestStaff;

  beforeAll(async () => {
    ({ d, db, investigator, national, stranger } = await startCasesDeployment('cases-identifiers'));
    // A triaged report with every kind of identifier (a card among them): the searches and
    // the ranking below need one besides their own.
    await caseOf(d, (await submitReport(d, validReportBody())).id);
  });
  afterAll(async () => d?.close());

  describe('identifiers and the staff report view', () => {
    it('finds reports and cases sharing an identifier in any spelling', async () => {
      const digits = `${randomInt(1_000_000, 9_999_999)}`;
      const submitted = await ringReport(d, {
        suspects: [{ type: 'phone', value: `+7 747 ${digits}` }],
      });
      const caseId = await caseOf(d, submitted.id);
      const res = await investigator.api
        .get(`/identifiers?value=${encodeURIComponent(`8 (747) ${digits}`)}`)
        .expect(200);
      const phone = res.body.matches.find((m: { type: string }) => m.type === 'phone');
      expect(phone.case).toMatchObject({ id: caseId });
      expect(phone.reports).toEqual([
        expect.objectContaining({ reference: submitted.reference, caseId }),
      ]);
      const hidden = await stranger.api.get(`/identifiers?value=8747${digits}`).expect(200);
      expect(hidden.body.matches).toEqual([]);
      const card = await investigator.api.get('/identifiers?value=4111111111111111').expect(200);
      expect(
        card.body.matches.find((m: { type: string }) => m.type === 'card').reports.length,
      ).toBeGreaterThan(0);
      await investigator.api.get('/identifiers').expect(400);
    });

    it('ranks identifiers by victims and damage in a period', async () => {
      const res = await national.api.get('/identifiers/top?limit=5').expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      const victims = res.body.items.map((i: { victims: number }) => i.victims);
      expect([...victims].sort((a, b) => b - a)).toEqual(victims);
      const byDamage = await national.api.get('/identifiers/top?sort=damage&limit=3').expect(200);
      const damage = byDamage.body.items.map((i: { damage: string }) => Number(i.damage));
      expect([...damage].sort((a, b) => b - a)).toEqual(damage);
      const empty = await national.api
        .get('/identifiers/top?from=2001-01-01&to=2001-02-01')
        .expect(200);
      expect(empty.body).toEqual({ period: { from: '2001-01-01', to: '2001-02-01' }, items: [] });
      await national.api.get('/identifiers/top?from=2025-02-30').expect(400);
      await national.api.get('/identifiers/top?from=2025-03-01&to=2025-02-01').expect(400);
      await investigator.api.get('/identifiers/top?region=astana').expect(403);
    });

    it('shows a regional caller no case (id or number) of another region in the ranking', async () => {
      // X is first reported in astana (case A), Y in almaty_city (case B). A third report names
      // both: triage links it to the oldest owner, A, so Y counts for astana while B owns it.
      const [x, y] = [uniqueUrl(), uniqueUrl()];
      const file = (region: string, urls: string[]) =>
        ringReport(d, {
          reporter: { region },
          suspects: urls.map((value) => ({ type: 'url', value })),
        });
      const caseA = await caseOf(d, (await file('astana', [x])).id);
      const caseB = await caseOf(d, (await file('almaty_city', [y])).id);
      expect(await caseOf(d, (await file('astana', [x, y])).id)).toBe(caseA);
      const host = (url: string) => new URL(url).host;
      const regionOf = async (id: string) =>
        (
          (await db.query('SELECT region FROM cases WHERE id = $1', [id])) as { region: string }[]
        )[0].region;

      const itemsFor = async (who: TestStaff) =>
        (await who.api.get('/identifiers/top?type=url&limit=100').expect(200)).body.items as Array<{
          display: string;
          victims: number;
          caseId: string | null;
          caseNumber: string | null;
        }>;
      for (const [who, region] of [
        [stranger, 'astana'],
        [investigator, 'almaty_city'],
      ] as const) {
        for (const item of await itemsFor(who)) {
          if (item.caseId !== null) expect(await regionOf(item.caseId)).toBe(region);
        }
      }
      const astana = await itemsFor(stranger);
      expect(astana.find((i) => i.display === host(x))).toMatchObject({
        victims: 2,
        caseId: caseA,
      });
      // Y's victims in astana's cases are astana's to see; the almaty case that owns Y is not.
      expect(astana.find((i) => i.display === host(y))).toMatchObject({
        victims: 1,
        caseId: null,
        caseNumber: null,
      });
      const almaty = await itemsFor(investigator);
      expect(almaty.find((i) => i.display === host(y))).toMatchObject({
        victims: 1,
        caseId: caseB,
      });
      expect(almaty.find((i) => i.display === host(x))).toBeUndefined();
      // National callers see every owner.
      const all = (await national.api.get('/identifiers/top?type=url&limit=100').expect(200)).body
        .items as Array<{ display: string; victims: number; caseId: string | null }>;
      expect(all.find((i) => i.display === host(y))).toMatchObject({ victims: 2, caseId: caseB });
    });

    it('shows staff the full report with decrypted personal data, region-scoped and audited', async () => {
      const submitted = await submitReport(d, validReportBody());
      await caseOf(d, submitted.id);
      const res = await investigator.api.get(`/reports/${submitted.reference}`).expect(200);
      expect(res.body).toMatchObject({
        reference: submitted.reference,
        reporter: { phone: '+77011234567', email: 'aigerim@example.kz' },
        transactions: [expect.objectContaining({ amount: '150000.00' })],
      });
      expect(res.body.reporter.iin).toMatch(/^\d{12}$/);
      await stranger.api.get(`/reports/${submitted.reference}`).expect(403);
      await investigator.api.get('/reports/FR-2000-999999').expect(404);
      const [audit] = (await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.viewed' AND target_id = $1`,
        [submitted.id],
      )) as { n: number }[];
      expect(audit.n).toBe(1);
    });
  });
});
