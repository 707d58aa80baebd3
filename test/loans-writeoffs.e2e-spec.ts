import {
  caseOf,
  createStaff,
  pdfText,
  sql,
  startCasesDeployment,
  statsSummary,
  submitReport,
  validReportBody,
  VALID_IIN,
} from '@app/testing';
import type { CasesDeployment } from '@app/testing';

/**
 * Loan write-offs (DESIGN "Takedowns, schemes and loans"): defaults from the report's loan, one
 * live request per report, one outcome (also under concurrent requests and in the database),
 * written off ≤ requested, the figures, and the letter to the lender as a PDF in Kazakh or
 * Russian that names the victim and never prints the IIN in full.
 */
describe('loan write-offs and the letter to the lender', () => {
  let c: CasesDeployment;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const period = () => {
    const to = new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString();
    return `from=${today()}&to=${to.slice(0, 10)}`;
  };

  const loanReport = async (language = 'ru', loan: Record<string, unknown> = {}) => {
    const report = await submitReport(
      c.d,
      validReportBody({
        reporter: { language, fullName: 'Айгерім Нұрланқызы Сәрсенбаева' },
        incident: { fraudType: 'fake_loan' },
        loan: {
          lender: 'МФО «Жылдам Ақша»',
          contractNumber: 'ZA-2026-0042',
          amount: '350000.00',
          issuedAt: ago(60 * 24 * 3),
          ...loan,
        },
      }),
    );
    const caseId = await caseOf(c.d, report.id);
    return { ...report, caseId };
  };

  beforeAll(async () => {
    c = await startCasesDeployment('loans');
  }, 120_000);
  afterAll(async () => c?.d.close());

  it("requests a write-off with the report's loan as defaults, once per report", async () => {
    const r = await loanReport();
    const res = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(201);
    expect(res.body).toMatchObject({
      reference: r.reference,
      caseId: r.caseId,
      lender: 'МФО «Жылдам Ақша»',
      contractNumber: 'ZA-2026-0042',
      amount: '350000.00',
      status: 'requested',
      writtenOffAmount: null,
    });
    const again = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(409);
    expect(again.body.type).toMatch(/writeoff-exists$/);
    // A refusal frees the report for a new request.
    await c.investigator.api
      .post(`/loan-writeoffs/${res.body.id}/outcome`, { outcome: 'refused', at: ago(0) })
      .expect(200);
    await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, { amount: '300000.00' })
      .expect(201);
  });

  it('refuses reports that are not fake loans, unknown references and other regions', async () => {
    const plain = await submitReport(c.d, validReportBody());
    await caseOf(c.d, plain.id);
    const notLoan = await c.investigator.api
      .post(`/reports/${plain.reference}/loan-writeoffs`, {})
      .expect(409);
    expect(notLoan.body.type).toMatch(/report-not-fake-loan$/);
    await c.investigator.api.post('/reports/FR-2026-999999/loan-writeoffs', {}).expect(404);
    await c.investigator.api.post('/reports/nonsense/loan-writeoffs', {}).expect(404);
    const r = await loanReport();
    await c.stranger.api.post(`/reports/${r.reference}/loan-writeoffs`, {}).expect(403);
    const admin = await createStaff(c.d, { role: 'admin' });
    await admin.api.post(`/reports/${r.reference}/loan-writeoffs`, {}).expect(403);
    await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, { amount: '-1' })
      .expect(400);
  });

  it('records one outcome, written off ≤ requested, also when two are sent at once', async () => {
    const r = await loanReport();
    const { body } = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(201);
    const over = await c.investigator.api
      .post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'written_off',
        at: ago(0),
        amount: '350000.01',
      })
      .expect(409);
    expect(over.body.type).toMatch(/writeoff-exceeds-requested$/);
    await c.investigator.api
      .post(`/loan-writeoffs/${body.id}/outcome`, { outcome: 'written_off', at: ago(0) })
      .expect(400);
    await c.investigator.api
      .post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'refused',
        at: ago(0),
        amount: '1.00',
      })
      .expect(400);
    const results = await Promise.all([
      c.investigator.api.post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'written_off',
        at: ago(0),
        amount: '350000.00',
      }),
      c.colleague.api.post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'refused',
        at: ago(0),
      }),
      c.supervisor.api.post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'written_off',
        at: ago(0),
        amount: '100.00',
      }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    const [row] = await sql<{ outcome: string }>(
      c.d,
      'SELECT outcome FROM loan_writeoffs WHERE id = $1',
      [body.id],
    );
    expect(row.outcome).toBe(results.find((x) => x.status === 200)!.body.status);
  });

  it('holds written off ≤ requested and one outcome in the database too', async () => {
    const r = await loanReport();
    const { body } = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(201);
    const update = (set: string) =>
      sql(
        c.d,
        `UPDATE loan_writeoffs SET ${set}, outcome_at = now(), outcome_by = requested_by WHERE id = $1`,
        [body.id],
      );
    await expect(
      update(`outcome = 'written_off', written_off_tiyn = requested_tiyn + 1`),
    ).rejects.toThrow(/ck_loan_writeoffs_written_off_amount/);
    await expect(update(`outcome = 'refused', written_off_tiyn = 1`)).rejects.toThrow(
      /ck_loan_writeoffs_written_off_amount/,
    );
    await update(`outcome = 'refused'`);
    await expect(update(`outcome = 'written_off', written_off_tiyn = 1`)).rejects.toThrow(
      /already recorded/,
    );
    await expect(sql(c.d, 'DELETE FROM loan_writeoffs WHERE id = $1', [body.id])).rejects.toThrow(
      /history/,
    );
  });

  it('counts written-off loans and their sum in the period of the outcome', async () => {
    const before = (await statsSummary(c.national, period())).current;
    const r = await loanReport();
    const { body } = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(201);
    await c.investigator.api
      .post(`/loan-writeoffs/${body.id}/outcome`, {
        outcome: 'written_off',
        at: ago(0),
        amount: '250000.50',
      })
      .expect(200);
    const after = (await statsSummary(c.national, period())).current;
    expect(after.loansWrittenOffCount - before.loansWrittenOffCount).toBe(1);
    expect(
      (
        BigInt(after.loansWrittenOffTotal.replace('.', '')) -
        BigInt(before.loansWrittenOffTotal.replace('.', ''))
      ).toString(),
    ).toBe('25000050');
    const list = (await c.supervisor.api.get('/loan-writeoffs?status=written_off').expect(200))
      .body;
    expect(list.items.map((w: { id: string }) => w.id)).toContain(body.id);
    const page = (await c.supervisor.api.get('/loan-writeoffs?limit=1').expect(200)).body;
    expect(page.items).toHaveLength(1);
    const next = (
      await c.supervisor.api.get(`/loan-writeoffs?limit=1&cursor=${page.nextCursor}`).expect(200)
    ).body;
    expect(next.items[0].id).not.toBe(page.items[0].id);
    await c.supervisor.api.get('/loan-writeoffs?cursor=garbage').expect(400);
    await c.stranger.api.get('/loan-writeoffs?region=almaty_city').expect(403);
  });

  const letterText = async (path: string) => {
    const res = await c.investigator.api
      .get(path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    return pdfText(res.body as Buffer);
  };

  it('renders the letter in Kazakh for a Kazakh report: reference, case, lender, contract, amount, unit, victim; IIN masked', async () => {
    const r = await loanReport('kk');
    const { body } = await c.investigator.api
      .post(`/reports/${r.reference}/loan-writeoffs`, {})
      .expect(201);
    const text = await letterText(`/loan-writeoffs/${body.id}/letter.pdf`);
    for (const expected of [
      r.reference,
      body.caseNumber,
      'МФО «Жылдам Ақша»',
      'ZA-2026-0042',
      '350000.00 теңге',
      'Жәбірленуші',
      'Айгерім Нұрланқызы Сәрсенбаева',
      `ЖСН ********${VALID_IIN.slice(-4)}`,
      'Служба по противодействию киберпреступности',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(VALID_IIN);
    const ru = await letterText(`/loan-writeoffs/${body.id}/letter.pdf?lang=ru`);
    expect(ru).toContain('Потерпевший');
    expect(ru).toContain('350000.00 тенге');
    await c.stranger.api.get(`/loan-writeoffs/${body.id}/letter.pdf`).expect(403);
    await c.investigator.api.get(`/loan-writeoffs/${body.id}/letter.pdf?lang=fr`).expect(400);
    const [audit] = await sql<{ n: number }>(
      c.d,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'loan_writeoff.letter_rendered' AND target_id = $1`,
      [body.id],
    );
    expect(audit.n).toBe(2);
  });
});
