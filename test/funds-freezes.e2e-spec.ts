import {
  caseOf,
  fileReport,
  FROZEN_SQL,
  ledgerCounts,
  reportInCase,
  sql,
  startFundsDeployment,
  TestDeployment,
  TestStaff,
  uniquePhone,
} from '@app/testing';

/** Funds ledger through the real API, worker (triage) and database: the money that is held. */
describe('funds: freeze requests, freezes and releases', () => {
  let d: TestDeployment;
  let inv: TestStaff;
  let invAstana: TestStaff;

  beforeAll(async () => {
    ({ d, inv, invAstana } = await startFundsDeployment('funds-freezes'));
  });
  afterAll(async () => d?.close());

  it('opens a freeze request per destination account of a P1 report; a freeze resolves it', async () => {
    const report = await fileReport(d, { amounts: ['100.00'] });
    const caseId = await caseOf(d, report.id);
    const list = await inv.api.get(`/freeze-requests?caseId=${caseId}`).expect(200);
    expect(list.body.items).toHaveLength(1);
    const request = list.body.items[0];
    expect(request).toMatchObject({
      caseId,
      reportId: report.id,
      amount: '100.00',
      status: 'pending',
      bank: 'Halyk Bank',
    });
    expect(request.account).toMatch(/\*/);

    // Region scope: astana's investigator neither lists nor resolves it.
    const other = await invAstana.api.get(`/freeze-requests?caseId=${caseId}`).expect(200);
    expect(other.body.items).toHaveLength(0);
    await invAstana.api
      .post(`/cases/${caseId}/freezes`, {
        amount: '100.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        freezeRequestId: request.id,
      })
      .expect(403);

    const freeze = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        amount: '80.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        freezeRequestId: request.id,
      })
      .expect(201);
    expect(freeze.body).toMatchObject({
      reportId: report.id,
      freezeRequestId: request.id,
      amount: '80.00',
      released: '0.00',
      remaining: '80.00',
      account: request.account,
      bank: 'Halyk Bank',
    });
    const resolved = await inv.api.get(`/freeze-requests?status=frozen&caseId=${caseId}`);
    expect(resolved.body.items[0]).toMatchObject({ status: 'frozen', freezeId: freeze.body.id });
    const again = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        amount: '20.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        freezeRequestId: request.id,
      })
      .expect(409);
    expect(again.body.type).toBe('/problems/freeze-request-resolved');
    const [row] = await sql<{ frozen_tiyn: string }>(
      d,
      `SELECT ${FROZEN_SQL}::text AS frozen_tiyn FROM reports p WHERE p.id = $1`,
      [report.id],
    );
    expect(row.frozen_tiyn).toBe('8000');
  });

  it('dismisses a pending request with a reason, once', async () => {
    const { caseId } = await reportInCase(d, { amounts: ['10.00'] });
    const [request] = (await inv.api.get(`/freeze-requests?caseId=${caseId}`)).body.items;
    await inv.api.post(`/freeze-requests/${request.id}/dismiss`, {}).expect(400);
    const dismissed = await inv.api
      .post(`/freeze-requests/${request.id}/dismiss`, {
        reason: 'Account closed before the request reached the bank',
      })
      .expect(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', resolvedBy: inv.id });
    await inv.api.post(`/freeze-requests/${request.id}/dismiss`, { reason: 'x' }).expect(409);
  });

  it('masks the account, computes the blocking period in business days of Asia/Almaty', async () => {
    // Paid before the freeze below (a freeze is never before the payment it holds).
    const paidHoursAgo = (Date.now() - Date.parse('2026-01-29T00:00:00Z')) / 3600_000;
    const { caseId } = await reportInCase(d, { paidHoursAgo });
    // 2026-01-30T20:00Z is Saturday 31 January 01:00 in Almaty (UTC+5); five business days
    // later is Friday 6 February 01:00 local = 2026-02-05T20:00Z.
    const res = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: '4111 1111 1111 1111',
        amount: '500.00',
        frozenAt: '2026-01-30T20:00:00Z',
        stage: 'withdrawal_abroad',
      })
      .expect(201);
    expect(res.body.account).toBe('**** **** **** 1111');
    expect(JSON.stringify(res.body)).not.toContain('4111111111111111');
    expect(res.body.expiresAt).toBe('2026-02-05T20:00:00.000Z');
    // Expired already: no extension.
    const late = await inv.api
      .post(`/freezes/${res.body.id}/extend`, {
        sanctionRef: 'S-1',
      })
      .expect(409);
    expect(late.body.type).toBe('/problems/freeze-expired');
  });

  it('extends a running freeze once with a sanction reference', async () => {
    const { caseId } = await reportInCase(d);
    const freeze = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'Kaspi Bank',
        account: 'KZ86125KZT5004100100',
        amount: '1000.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
      })
      .expect(201);
    expect(freeze.body.account).toBe('KZ86****0100');
    const extended = await inv.api
      .post(`/freezes/${freeze.body.id}/extend`, {
        sanctionRef: 'SANCTION-2026-17',
        days: 10,
      })
      .expect(200);
    expect(extended.body.sanctionRef).toBe('SANCTION-2026-17');
    const gainedDays =
      (Date.parse(extended.body.expiresAt) - Date.parse(freeze.body.expiresAt)) / 86_400_000;
    expect(gainedDays).toBe(14); // ten business days are two calendar weeks
    const twice = await inv.api
      .post(`/freezes/${freeze.body.id}/extend`, {
        sanctionRef: 'SANCTION-2026-18',
      })
      .expect(409);
    expect(twice.body.type).toBe('/problems/freeze-already-extended');
  });

  it('releases to a victim as a frozen_funds reimbursement and to the holder; never beyond the freeze', async () => {
    const { report, caseId } = await reportInCase(d, { amounts: ['2000.00'] });
    const freeze = await inv.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: uniquePhone(),
        amount: '1000.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        reportId: report.id,
      })
      .expect(201);
    const id = freeze.body.id as string;
    await inv.api.post(`/freezes/${id}/releases`, { amount: '10.00', to: 'victim' }).expect(400);

    const toVictim = await inv.api
      .post(`/freezes/${id}/releases`, {
        amount: '300.00',
        to: 'victim',
        reportId: report.id,
      })
      .expect(201);
    expect(toVictim.body).toMatchObject({ amount: '300.00', to: 'victim', reportId: report.id });
    expect(toVictim.body.freeze).toMatchObject({ released: '300.00', remaining: '700.00' });
    const [reimbursement] = await sql<{ source: string; amount_tiyn: string }>(
      d,
      'SELECT source, amount_tiyn::text FROM reimbursements WHERE id = $1',
      [toVictim.body.reimbursementId],
    );
    expect(reimbursement).toEqual({ source: 'frozen_funds', amount_tiyn: '30000' });

    const before = await ledgerCounts(d);
    const over = await inv.api
      .post(`/freezes/${id}/releases`, {
        amount: '700.01',
        to: 'holder',
      })
      .expect(409);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.body).toMatchObject({
      type: '/problems/release-exceeds-frozen',
      available: '700.00',
    });
    expect(await ledgerCounts(d)).toEqual(before);

    await inv.api.post(`/freezes/${id}/releases`, { amount: '700.00', to: 'holder' }).expect(201);
    const funds = await inv.api.get(`/cases/${caseId}/funds`).expect(200);
    expect(funds.body.total).toMatchObject({
      loss: '2000.00',
      frozen: '1000.00',
      released: '1000.00',
      releasedToVictims: '300.00',
      releasedToHolders: '700.00',
      held: '0.00',
      reimbursed: '300.00',
      outstandingLoss: '1700.00',
    });
    expect(funds.body.reports).toEqual([
      expect.objectContaining({ reportId: report.id, frozen: '1000.00', reimbursed: '300.00' }),
    ]);
  });

  it('lists freezes that still hold money and expire within a business day', async () => {
    const { caseId } = await reportInCase(d);
    const make = async (amount: string) =>
      (
        await inv.api
          .post(`/cases/${caseId}/freezes`, {
            bank: 'Halyk Bank',
            account: uniquePhone(),
            amount,
            frozenAt: new Date().toISOString(),
            stage: 'domestic',
          })
          .expect(201)
      ).body.id as string;
    const soon = await make('10.00');
    const later = await make('20.00');
    const soonReleased = await make('30.00');
    await inv.api
      .post(`/freezes/${soonReleased}/releases`, {
        amount: '30.00',
        to: 'holder',
      })
      .expect(201);
    // Fixture: move two expiries to two hours from now (a freeze recorded days ago).
    await sql(d, `UPDATE freezes SET expires_at = now() + interval '2 hours' WHERE id = ANY($1)`, [
      [soon, soonReleased],
    ]);
    const res = await inv.api.get(`/freezes?expiringWithinDays=1&caseId=${caseId}`).expect(200);
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual([soon]);
    const all = await inv.api.get(`/freezes?caseId=${caseId}`).expect(200);
    expect(all.body.items.map((f: { id: string }) => f.id).sort()).toEqual(
      [soon, later, soonReleased].sort(),
    );
    const astana = await invAstana.api.get(`/freezes?caseId=${caseId}`).expect(200);
    expect(astana.body.items).toEqual([]);
  });
});
