import {
  createStaff,
  ledgerCounts,
  NET_REIMBURSED_SQL,
  reportInCase,
  sql,
  startFundsDeployment,
  TestDeployment,
  TestStaff,
  uniquePhone,
} from '@app/testing';

/** Funds ledger through the real API, worker (triage) and database: the money paid back. */
describe('funds: reimbursements, validation, access and the append-only ledger', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let invAstana: TestStaff;
  let national: TestStaff;

  beforeAll(async () => {
    ({ d, inv, invAstana, national } = await startFundsDeployment('funds-ledger'));
  });
  afterAll(async () => d?.close());

  it('keeps net reimbursed within the loss, and corrects only by a single reversal', async () => {
    const { report, caseId } = await reportInCase(d, { amounts: ['1000.00'] });
    const paidAt = new Date().toISOString();
    const first = await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: report.id,
        amount: '600.00',
        source: 'bank_compensation',
        paidAt,
      })
      .expect(201);
    expect(first.body).toMatchObject({
      amount: '600.00',
      reversed: false,
      source: 'bank_compensation',
    });

    const before = await ledgerCounts(d);
    const over = await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: report.id,
        amount: '400.01',
        source: 'court_order',
        paidAt,
      })
      .expect(409);
    expect(over.body).toMatchObject({
      type: '/problems/reimbursement-exceeds-loss',
      available: '400.00',
    });
    expect(await ledgerCounts(d)).toEqual(before);

    const reversed = await inv.api
      .post(`/reimbursements/${first.body.id}/reverse`, {
        reason: 'Entered against the wrong report',
      })
      .expect(200);
    expect(reversed.body).toMatchObject({ reversed: true, reversedBy: inv.id });
    await inv.api.post(`/reimbursements/${first.body.id}/reverse`, { reason: 'again' }).expect(409);
    await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: report.id,
        amount: '1000.00',
        source: 'offender_voluntary',
        paidAt,
      })
      .expect(201);
    const funds = await inv.api.get(`/cases/${caseId}/funds`).expect(200);
    expect(funds.body.total).toMatchObject({ reimbursed: '1000.00', outstandingLoss: '0.00' });
    expect(funds.body.reimbursements).toHaveLength(2);
    const [row] = await sql<{ reimbursed_tiyn: string }>(
      d,
      `SELECT ${NET_REIMBURSED_SQL}::text AS reimbursed_tiyn FROM reports p WHERE p.id = $1`,
      [report.id],
    );
    expect(row.reimbursed_tiyn).toBe('100000');
    // The citizen's status page shows the same running totals.
    const status = await d
      .http()
      .get(`/api/v1/reports/${report.reference}/status`)
      .set('X-Access-Code', report.accessCode);
    if (status.status === 200) expect(JSON.stringify(status.body)).toContain('1000.00');
  });

  it('refuses a report of another case', async () => {
    const a = await reportInCase(d);
    const b = await reportInCase(d);
    const res = await inv.api
      .post(`/cases/${a.caseId}/reimbursements`, {
        reportId: b.report.id,
        amount: '1.00',
        source: 'court_order',
        paidAt: new Date().toISOString(),
      })
      .expect(409);
    expect(res.body.type).toBe('/problems/report-not-in-case');
  });

  it('rejects negative, zero, fractional-tiyn and malformed amounts with 400', async () => {
    const { report, caseId } = await reportInCase(d);
    const base = {
      reportId: report.id,
      source: 'court_order',
      paidAt: new Date().toISOString(),
    };
    for (const amount of ['-5.00', '0', '0.00', '10.001', '1e3', ' 10', 10, '']) {
      const res = await inv.api.post(`/cases/${caseId}/reimbursements`, { ...base, amount });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('amount');
    }
    await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        ...base,
        amount: '1.00',
        x: 1,
      })
      .expect(400);
    await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        ...base,
        amount: '1.00',
        paidAt: new Date(Date.now() + 3600_000).toISOString(),
      })
      .expect(400);
    await inv.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'X Bank',
        account: 'not an account',
        amount: '1.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
      })
      .expect(400);
    await inv.api
      .post(`/cases/not-a-uuid/freezes`, {
        bank: 'X Bank',
        account: uniquePhone(),
        amount: '1.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
      })
      .expect(404);
  });

  it('treats null optional fields as absent: 400 naming the field, never a 500', async () => {
    const { caseId } = await reportInCase(d);
    const base = { amount: '1.00', frozenAt: new Date().toISOString(), stage: 'domestic' };
    const missing = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        ...base,
        freezeRequestId: null,
      })
      .expect(400);
    const fields = new Set(missing.body.errors.map((e: { field: string }) => e.field));
    expect([...fields].sort()).toEqual(['account', 'bank']);
    const nulls = { freezeRequestId: null, reportId: null };
    const frozen = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        ...base,
        ...nulls,
        bank: 'Halyk Bank',
        account: uniquePhone(),
      })
      .expect(201);
    expect(frozen.body).toMatchObject({ reportId: null, freezeRequestId: null });
    await inv.api
      .post(`/freezes/${frozen.body.id}/releases`, {
        amount: '0.50',
        to: 'holder',
        reportId: null,
      })
      .expect(201);
    const victim = await inv.api
      .post(`/freezes/${frozen.body.id}/releases`, {
        amount: '0.50',
        to: 'victim',
        reportId: null,
      })
      .expect(400);
    expect(victim.body.errors[0].field).toBe('reportId');
    await inv.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: null,
        amount: '1.00',
        source: 'court_order',
        paidAt: new Date().toISOString(),
      })
      .expect(400);
    await inv.api
      .post(`/freezes/${frozen.body.id}/extend`, {
        sanctionRef: 'S-1',
        days: null,
      })
      .expect(200);
  });

  it('lets investigators and supervisors write money; admins only read it', async () => {
    const { caseId } = await reportInCase(d);
    const admin = await createStaff(d, { role: 'admin', region: null });
    const body = {
      bank: 'Halyk Bank',
      account: uniquePhone(),
      amount: '1.00',
      frozenAt: new Date().toISOString(),
      stage: 'domestic',
    };
    const denied = await admin.api.post(`/cases/${caseId}/freezes`, body).expect(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    await national.api.post(`/cases/${caseId}/freezes`, body).expect(201);
    await admin.api.get(`/cases/${caseId}/funds`).expect(200);
    await admin.api.get(`/freezes?caseId=${caseId}`).expect(200);
    await admin.api.get(`/freeze-requests?caseId=${caseId}`).expect(200);
  });

  it('keeps other regions out and lets national staff in', async () => {
    const { caseId } = await reportInCase(d);
    await invAstana.api.get(`/cases/${caseId}/funds`).expect(403);
    await national.api.get(`/cases/${caseId}/funds`).expect(200);
    await invAstana.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: '00000000-0000-4000-8000-000000000000',
        amount: '1.00',
        source: 'court_order',
        paidAt: new Date().toISOString(),
      })
      .expect(403);
  });

  it('refuses edits and deletes of ledger rows in the database itself', async () => {
    const [{ n }] = await sql<{ n: number }>(d, 'SELECT count(*)::int AS n FROM reimbursements');
    expect(n).toBeGreaterThan(0);
    await expect(sql(d, 'UPDATE reimbursements SET amount_tiyn = amount_tiyn + 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(d, 'DELETE FROM reimbursements')).rejects.toThrow(/append-only/);
    await expect(sql(d, 'UPDATE freezes SET released_tiyn = amount_tiyn + 1')).rejects.toThrow(
      /ck_freezes_released_tiyn/,
    );
  });
});
