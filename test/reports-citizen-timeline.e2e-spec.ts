import {
  CasesDeployment,
  caseOf,
  ringReport,
  startCasesDeployment,
  staffClient,
  StaffClient,
  SubmittedReport,
  uniqueSuspectPhone,
  uniqueUrl,
} from '@app/testing';

interface Entry {
  at: string;
  code: string;
  message: string;
}

/**
 * The citizen timeline over the real path: triage, claims, transitions and a merge made through
 * the staff API, read back through the citizen's status endpoint.
 */
describe('reports: the citizen timeline follows the case as the citizen lived it', () => {
  let c: CasesDeployment;
  let citizen: StaffClient;

  beforeAll(async () => {
    c = await startCasesDeployment('citizen-timeline');
    citizen = staffClient(c.d);
  });
  afterAll(async () => c?.d.close());

  async function timeline(r: SubmittedReport, lang = 'en'): Promise<Entry[]> {
    const res = await citizen
      .get(`/reports/${r.reference}/status`)
      .query({ lang })
      .set('X-Access-Code', r.accessCode)
      .expect(200);
    return res.body.timeline;
  }

  it('shows claim and transitions as status changes, never who claimed or the notes', async () => {
    const r = await ringReport(c.d);
    const caseId = await caseOf(c.d, r.id);
    await c.investigator.api.post(`/cases/${caseId}/claim`).expect(200);
    await c.investigator.api
      .post(`/cases/${caseId}/notes`, { text: 'Ask Erlan at Kaspi' })
      .expect(201);
    await c.investigator.api
      .post(`/cases/${caseId}/transition`, { to: 'investigating' })
      .expect(200);
    await c.investigator.api.post(`/cases/${caseId}/transition`, { to: 'solved' }).expect(200);
    const entries = await timeline(r);
    expect(entries.map((e) => e.code)).toEqual([
      'report.received',
      'report.linked_to_case',
      'case.in_review',
      'case.investigating',
      'case.solved',
    ]);
    const body = JSON.stringify(entries);
    expect(body).not.toContain('Erlan');
    expect(body).not.toContain(c.investigator.id);
    // Every message is a sentence of the asked language; ru reads Cyrillic.
    for (const e of await timeline(r, 'ru')) expect(e.message).toMatch(/^[^a-z]*[А-ЯЁ]/);
  });

  it('shows a case that was already under investigation from the moment the report joined it', async () => {
    const phone = uniqueSuspectPhone();
    const first = await ringReport(c.d, { suspects: [{ type: 'phone', value: phone }] });
    const caseId = await caseOf(c.d, first.id);
    await c.investigator.api.post(`/cases/${caseId}/claim`).expect(200);
    await c.investigator.api
      .post(`/cases/${caseId}/transition`, { to: 'investigating' })
      .expect(200);

    const later = await ringReport(c.d, { suspects: [{ type: 'phone', value: phone }] });
    expect(await caseOf(c.d, later.id)).toBe(caseId);
    const entries = await timeline(later);
    expect(entries.map((e) => e.code)).toEqual([
      'report.received',
      'report.linked_to_case',
      'case.investigating',
    ]);
    // The status shows at the link, not at the earlier transition of the case.
    expect(entries[2].at).toBe(entries[1].at);
    expect(Date.parse(entries[2].at)).toBeGreaterThanOrEqual(Date.parse(entries[0].at));
  });

  it('follows a merge without showing it: no "closed", the target case status instead', async () => {
    const source = await ringReport(c.d, { suspects: [{ type: 'url', value: uniqueUrl() }] });
    const target = await ringReport(c.d, { suspects: [{ type: 'url', value: uniqueUrl() }] });
    const sourceCase = await caseOf(c.d, source.id);
    const targetCase = await caseOf(c.d, target.id);
    await c.investigator.api.post(`/cases/${sourceCase}/claim`).expect(200);
    await c.colleague.api.post(`/cases/${targetCase}/claim`).expect(200);
    await c.colleague.api
      .post(`/cases/${targetCase}/transition`, { to: 'investigating' })
      .expect(200);
    await c.supervisor.api
      .post(`/cases/${targetCase}/merge`, { sourceCaseId: sourceCase })
      .expect(200);
    expect(await caseOf(c.d, source.id)).toBe(targetCase);

    const entries = await timeline(source);
    expect(entries.map((e) => e.code)).toEqual([
      'report.received',
      'report.linked_to_case',
      'case.in_review',
      'case.investigating',
    ]);
    await c.colleague.api.post(`/cases/${targetCase}/transition`, { to: 'solved' }).expect(200);
    expect((await timeline(source)).map((e) => e.code).slice(-2)).toEqual([
      'case.investigating',
      'case.solved',
    ]);
    // The target's own report saw none of the source's history.
    expect((await timeline(target)).map((e) => e.code)).toEqual([
      'report.received',
      'report.linked_to_case',
      'case.in_review',
      'case.investigating',
      'case.solved',
    ]);
  });
});
