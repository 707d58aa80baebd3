import { DataSource } from 'typeorm';
import {
  eventually,
  startDeployment,
  submitReport,
  TestDeployment,
  validReportBody,
} from '@app/testing';

/**
 * A citizen statement naming a new suspect reaches triage with its statementId (the relay once
 * sent only the report id) and links the new identifier to the report's case.
 */
describe('cases: re-triage after a citizen statement', () => {
  let d: TestDeployment;
  let db: DataSource;

  beforeAll(async () => {
    d = await startDeployment({ label: 'retriage', worker: true });
    db = d.api.get(DataSource);
  });
  afterAll(() => d?.close());

  const caseOf = async (reportId: string) => {
    const [row] = await db.query('SELECT case_id FROM reports WHERE id = $1', [reportId]);
    return (row?.case_id as string | null) ?? null;
  };

  it('links the statement suspects to the case and records which statement caused it', async () => {
    const report = await submitReport(
      d,
      validReportBody({ suspects: [{ type: 'url', value: 'first-shop-retriage.kz' }] }),
    );
    const caseId = await eventually(() => caseOf(report.id), 30_000);

    const res = await d
      .http()
      .post(`/api/v1/reports/${report.reference}/statements`)
      .set('X-Access-Code', report.accessCode)
      .send({ suspects: [{ type: 'url', value: 'second-shop-retriage.kz' }] })
      .expect(201);
    const statementId = (res.body as { id: string }).id;

    const owner = await eventually(async () => {
      const [row] = await db.query(
        `SELECT case_id FROM case_identifiers WHERE type = 'url' AND value = $1`,
        ['second-shop-retriage.kz'],
      );
      return row?.case_id as string | undefined;
    }, 30_000);
    expect(owner).toBe(caseId);

    const events: Array<{ data: { reportId: string; statementId?: string; count: number } }> =
      await db.query(
        `SELECT data FROM case_events WHERE case_id = $1 AND type = 'identifiers.added'`,
        [caseId],
      );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ reportId: report.id, statementId, count: 1 });
    // Still one report, one case.
    expect(await caseOf(report.id)).toBe(caseId);
  });
});
