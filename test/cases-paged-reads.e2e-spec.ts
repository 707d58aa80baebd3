import { DataSource } from 'typeorm';
import {
  caseOf,
  newCase,
  ringReport,
  startCasesDeployment,
  TestDeployment,
  TestStaff,
  uniqueSuspectPhone,
  uniqueUrl,
} from '@app/testing';

/**
 * Paged case reads (docs/review.md, "Paged case reads"): GET /cases/{id} carries the first 50
 * reports and the 50 most-reported identifiers; GET /cases/{id}/reports and the timeline page by
 * keyset. A case of a few hundred reports is built from one real report and copies of it in SQL
 * (filing them one by one would take minutes), in groups that share one submission instant so
 * the id tie-break is exercised; reports filed for real through the API and the worker arrive
 * while the pages are read.
 */
describe('cases: paged case detail, reports and timeline', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let supervisor: TestStaff;
  let national: TestStaff;
  let stranger: TestStaff;
  let caseId: string;
  let ringPhone: string;
  /** Reports of the case in the order the API promises (submitted_at, id). */
  let expected: string[];

  const COPIES = 299;

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    db.query(text, params) as Promise<T[]>;

  const reportIdsInOrder = async (id: string): Promise<string[]> =>
    (
      await sql<{ id: string }>(
        'SELECT id FROM reports WHERE case_id = $1 ORDER BY submitted_at, id',
        [id],
      )
    ).map((r) => r.id);

  /** Every page of `path` with `limit`; `between` runs after each page. */
  async function pageThrough<T>(
    who: TestStaff,
    path: string,
    limit: number,
    between: (page: number) => Promise<void> = async () => undefined,
  ): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await who.api.get(query).expect(200);
      const body = res.body as { items: T[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
      if (pages > 100) throw new Error('paging does not end');
      await between(pages);
    } while (cursor !== null);
    return { items, pages };
  }

  beforeAll(async () => {
    ({ d, db, investigator, supervisor, national, stranger } =
      await startCasesDeployment('paged-reads'));
    ringPhone = uniqueSuspectPhone();
    caseId = await newCase(d, {
      suspects: [
        { type: 'phone', value: ringPhone },
        { type: 'url', value: uniqueUrl() },
      ],
    });
    const [first] = await sql<{ id: string }>('SELECT id FROM reports WHERE case_id = $1', [
      caseId,
    ]);
    // Groups of ten share one instant, spread over the last 30 days.
    await sql(
      `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                            reporter_phone_enc, reporter_phone_bidx, region, language, age_group,
                            fraud_type, channel, occurred_at, description, loss_tiyn, case_id,
                            priority, triaged_at)
       SELECT 'FR-1997-' || lpad(g::text, 6, '0'), access_code_hash,
              date_trunc('second', now()) - make_interval(hours => 1 + (g / 10) * 20),
              reporter_full_name, reporter_phone_enc, reporter_phone_bidx, region, language,
              age_group, fraud_type, channel, occurred_at - interval '40 days', description,
              loss_tiyn, case_id, priority, now()
         FROM reports, generate_series(1, $2::int) g WHERE id = $1`,
      [first.id, COPIES],
    );
    // 70 identifiers shared among the copies: more than the detail carries.
    await sql(
      `INSERT INTO report_identifiers (report_id, type, value, display, source)
       SELECT r.id, 'url', 'paged-' || (hashtext(r.reference) & 1023) % 70 || '.example.kz',
              'paged-' || (hashtext(r.reference) & 1023) % 70 || '.example.kz', 'suspect'
         FROM reports r WHERE r.reference LIKE 'FR-1997-%'`,
    );
    expected = await reportIdsInOrder(caseId);
  });
  afterAll(async () => d?.close());

  it('detail carries the first 50 reports, reportCount and the 50 most-reported identifiers', async () => {
    const detail = (await investigator.api.get(`/cases/${caseId}`).expect(200)).body;
    expect(detail.reportCount).toBe(COPIES + 1);
    expect(detail.reports.map((r: { id: string }) => r.id)).toEqual(expected.slice(0, 50));
    expect(detail.reportsNextCursor).toEqual(expect.any(String));
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(DISTINCT (ri.type, ri.value))::int AS n
         FROM report_identifiers ri JOIN reports r ON r.id = ri.report_id WHERE r.case_id = $1`,
      [caseId],
    );
    expect(n).toBeGreaterThan(50);
    expect(detail.identifierCount).toBe(n);
    expect(detail.identifiers).toHaveLength(50);
    const counts = detail.identifiers.map((i: { reportCount: number }) => i.reportCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // The detail's cursor continues where its reports end.
    const next = await investigator.api
      .get(`/cases/${caseId}/reports?cursor=${encodeURIComponent(detail.reportsNextCursor)}`)
      .expect(200);
    expect(next.body.items.map((r: { id: string }) => r.id)).toEqual(expected.slice(50, 100));
    expect(detail.funds.loss).toBe(detail.loss);
  });

  it('pages through every report exactly once, in (submittedAt, id) order', async () => {
    const { items, pages } = await pageThrough<{ id: string; submittedAt: string }>(
      supervisor,
      `/cases/${caseId}/reports`,
      37,
    );
    expect(pages).toBe(Math.ceil(expected.length / 37));
    expect(items.map((r) => r.id)).toEqual(expected);
    const defaults = await national.api.get(`/cases/${caseId}/reports`).expect(200);
    expect(defaults.body.items).toHaveLength(50);
    const all = await national.api.get(`/cases/${caseId}/reports?limit=200`).expect(200);
    expect(all.body.items).toHaveLength(200);
  });

  it('stays exact while reports are linked to the case between pages', async () => {
    const before = await reportIdsInOrder(caseId);
    const filed: string[] = [];
    const { items } = await pageThrough<{ id: string }>(
      investigator,
      `/cases/${caseId}/reports`,
      40,
      async (page) => {
        if (page > 3) return;
        // Filed for real, naming the ring's phone: the worker links each to this case.
        const report = await ringReport(d, { suspects: [{ type: 'phone', value: ringPhone }] });
        filed.push(report.id);
        // And one linked late (as a merge would move it), sorting before the pages read.
        await sql(
          `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                                reporter_phone_enc, reporter_phone_bidx, region, language,
                                age_group, fraud_type, channel, occurred_at, description,
                                loss_tiyn, case_id, priority, triaged_at)
           SELECT 'FR-1996-' || lpad($2::text, 6, '0'), access_code_hash,
                  submitted_at - interval '400 days', reporter_full_name, reporter_phone_enc,
                  reporter_phone_bidx, region, language, age_group, fraud_type, channel,
                  occurred_at - interval '400 days', description, loss_tiyn, case_id, priority,
                  now()
             FROM reports WHERE id = $1`,
          [before[0], page],
        );
      },
    );
    const ids = items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids.filter((x) => x === id)).toHaveLength(1);
    const now = await reportIdsInOrder(caseId);
    for (const id of ids) expect(now).toContain(id);
    // What was linked meanwhile is there on a fresh read, still once each.
    for (const id of filed) expect(await caseOf(d, id)).toBe(caseId);
    const fresh = await pageThrough<{ id: string }>(national, `/cases/${caseId}/reports`, 200);
    expect(fresh.items.map((r) => r.id)).toEqual(await reportIdsInOrder(caseId));
    expected = await reportIdsInOrder(caseId);
  });

  it('pages the timeline of a case and of the case merged into it, once each', async () => {
    // Two hundred events in groups sharing one instant, and a duplicate case merged in.
    await sql(
      `INSERT INTO case_events (case_id, at, actor_kind, type, public, data)
       SELECT $1, date_trunc('second', now()) - make_interval(mins => 500 - (g / 8)),
              'system', 'test.paged', false, jsonb_build_object('n', g)
         FROM generate_series(1, 200) g`,
      [caseId],
    );
    const duplicate = await newCase(d);
    await supervisor.api.post(`/cases/${caseId}/merge`, { sourceCaseId: duplicate }).expect(200);
    const inTree = async () =>
      (
        await sql<{ id: string }>(
          `SELECT e.id::text AS id FROM case_events e WHERE e.case_id = ANY($1::uuid[])
            ORDER BY e.at, e.id`,
          [[caseId, duplicate]],
        )
      ).map((e) => e.id);
    const before = await inTree();
    expect(before.length).toBeGreaterThan(200);
    const { items } = await pageThrough<{ id: string; caseId: string; at: string }>(
      investigator,
      `/cases/${caseId}/timeline`,
      33,
      async (page) => {
        if (page <= 2) {
          await investigator.api
            .post(`/cases/${caseId}/notes`, { text: `note during page ${page}` })
            .expect(201);
        }
      },
    );
    const ids = items.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Everything there before, in order; the notes added meanwhile are the newest, at the end.
    expect(ids.slice(0, before.length)).toEqual(before);
    expect(ids).toEqual((await inTree()).slice(0, ids.length));
    expect(new Set(items.map((e) => e.caseId))).toEqual(new Set([caseId, duplicate]));
    const first = await investigator.api.get(`/cases/${caseId}/timeline`).expect(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('answers 400 for a bad cursor or limit, 403 for another region, 404 for no case', async () => {
    const reportCursor = (await investigator.api.get(`/cases/${caseId}/reports?limit=1`)).body
      .nextCursor as string;
    const eventCursor = (await investigator.api.get(`/cases/${caseId}/timeline?limit=1`)).body
      .nextCursor as string;
    for (const path of ['reports', 'timeline']) {
      for (const query of ['cursor=not-a-cursor', 'cursor=', 'limit=201', 'limit=0', 'limit=x']) {
        const res = await investigator.api.get(`/cases/${caseId}/${path}?${query}`).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      await stranger.api.get(`/cases/${caseId}/${path}`).expect(403);
      await investigator.api.get(`/cases/00000000-0000-4000-8000-000000000000/${path}`).expect(404);
    }
    // A cursor of one list is not a cursor of the other.
    const crossed = await investigator.api
      .get(`/cases/${caseId}/reports?cursor=${encodeURIComponent(eventCursor)}`)
      .expect(400);
    expect(crossed.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    await investigator.api
      .get(`/cases/${caseId}/timeline?cursor=${encodeURIComponent(reportCursor)}`)
      .expect(400);
    await stranger.api.get(`/cases/${caseId}`).expect(403);
  });
});
