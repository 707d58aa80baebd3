import { DataSource } from 'typeorm';
import {
  cardNumber,
  createStaff,
  dumpRedis,
  eventually,
  findInDatabase,
  startDeployment,
  TestDeployment,
  TestStaff,
  validReportBody,
} from '@app/testing';

const spaced = (card: string): string => card.replace(/(\d{4})(?=\d)/g, '$1 ');
const dashed = (card: string): string => card.replace(/(\d{4})(?=\d)/g, '$1-');
const masked = (card: string): string => `**** **** **** ${card.slice(-4)}`;

/** One card per free-text field, so a leak names its field. */
const CARDS = {
  description: cardNumber('440043012345678'),
  fullName: cardNumber('400000111122223'),
  fromBank: cardNumber('400000222233334'),
  toBank: cardNumber('400000333344445'),
  lender: cardNumber('400000444455556'),
  contractNumber: cardNumber('400000555566667'),
  statement: cardNumber('510510510510510'),
  evidenceName: cardNumber('400000666677778'),
  note: cardNumber('400000777788889'),
  offenderNote: cardNumber('400000888899990'),
  agency: cardNumber('400000999900001'),
  freezeBank: cardNumber('400000121212121'),
  sanctionRef: cardNumber('400000131313131'),
  dismissReason: cardNumber('400000141414141'),
  reversalReason: cardNumber('400000151515151'),
};

/** Cards inside suspect values of other types (DESIGN.md: kept like a card), one per carrier. */
const SUSPECT_CARDS = {
  email: cardNumber('427638000000123'),
  telegram: cardNumber('400000161616161'),
  url: cardNumber('400000171717171'),
  wallet: cardNumber('400000181818181'),
  profile: cardNumber('400000191919191'),
  handle: cardNumber('400000202020202'),
  statementEmail: cardNumber('400000212121212'),
  toAccount: cardNumber('400000232323232'),
};
const ALL_CARDS = { ...CARDS, ...SUSPECT_CARDS };

/** Each card whole, in groups of four split by spaces and by dashes. */
function cardNeedles(cards: Record<string, string>): Record<string, string> {
  const needles: Record<string, string> = {};
  for (const [field, card] of Object.entries(cards)) {
    for (const typed of [card, spaced(card), dashed(card)])
      needles[`${field} as "${typed}"`] = typed;
  }
  return needles;
}

/** Any 2xx; the status codes of the staff routes are not what this suite is about. */
function ok(res: { status: number; body: unknown }): void {
  if (res.status < 200 || res.status > 299) {
    throw new Error(`expected 2xx, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3600_000).toISOString();

/**
 * docs/contract.md: full card numbers are never stored. A citizen (or an investigator) may still type
 * one into any free-text field. Every such field is filed through the real API and worker;
 * then every text/json column of every table is searched for each card, however typed.
 */
describe('pii: card numbers typed into free text are never stored', () => {
  let d: TestDeployment;
  let db: DataSource;
  let investigator: TestStaff;
  let reportId: string;
  let caseId: string;
  /** The case of a second report whose only identifier is the description's card. */
  let linkedCaseId: string;
  const logLines: string[] = [];
  /** Every response body of the suspect-card test, searched for the cards at the end. */
  const responses: string[] = [];

  beforeAll(async () => {
    d = await startDeployment({
      label: 'app-pii-card-text',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', LOG_LEVEL: 'debug' },
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    db = d.api.get(DataSource);
    investigator = await createStaff(d, { role: 'investigator' });
  });
  afterAll(async () => d?.close());

  it('files a report, statement, evidence and staff records that mention cards', async () => {
    const body = validReportBody({
      reporter: { fullName: `Aigerim Sarsenbayeva ${CARDS.fullName}` },
      incident: {
        fraudType: 'fake_loan',
        description: `I paid to ${spaced(CARDS.description)} for a loan that never came.`,
      },
      transactions: [
        {
          paidAt: hoursAgo(1),
          amount: '50000.00',
          method: 'bank_transfer',
          fromBank: `Kaspi, my card ${dashed(CARDS.fromBank)}`,
          toBank: `Halyk ${CARDS.toBank}`,
          toAccount: 'KZ86125KZT5004100100',
        },
      ],
      loan: {
        lender: `QuickCash (card ${spaced(CARDS.lender)})`,
        contractNumber: CARDS.contractNumber,
        amount: '20000.00',
        issuedAt: hoursAgo(48),
      },
    });
    const filed = await d.http().post('/api/v1/reports').send(body).expect(202);
    const { reference, accessCode } = filed.body as { reference: string; accessCode: string };
    [{ id: reportId }] = await db.query('SELECT id FROM reports WHERE reference = $1', [reference]);

    const statement = await d
      .http()
      .post(`/api/v1/reports/${reference}/statements`)
      .set('X-Access-Code', accessCode)
      .send({ text: `He now asks for money to card\n${dashed(CARDS.statement)} instead.` })
      .expect(201);
    // The card in the text is a new suspect identifier: the report goes back to triage.
    expect(statement.body).toMatchObject({ suspectsAdded: 1 });

    await d
      .http()
      .post(`/api/v1/reports/${reference}/evidence`)
      .set('X-Access-Code', accessCode)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), `${spaced(CARDS.evidenceName)}.pdf`)
      .expect(201);

    caseId = await eventually(async () => {
      const [row] = await db.query('SELECT case_id FROM reports WHERE id = $1', [reportId]);
      return row?.case_id as string | null;
    }, 30_000);

    // Another victim names the description's card as the only suspect: the same case.
    const other = await d
      .http()
      .post('/api/v1/reports')
      .send(
        validReportBody({
          reporter: { phone: '8 702 000 11 22' },
          transactions: [],
          suspects: [{ type: 'card', value: CARDS.description }],
        }),
      )
      .expect(202);
    linkedCaseId = await eventually(async () => {
      const [row] = await db.query('SELECT case_id FROM reports WHERE reference = $1', [
        other.body.reference,
      ]);
      return row?.case_id as string | null;
    }, 30_000);

    await investigator.api.post(`/cases/${caseId}/claim`).expect(ok);
    await investigator.api
      .post(`/cases/${caseId}/notes`, {
        text: `Victim's statement mentions ${spaced(CARDS.note)}.`,
      })
      .expect(ok);
    const offenders = await investigator.api
      .post(`/cases/${caseId}/offenders`, {
        count: 1,
        detainedAt: hoursAgo(1),
        note: `Held card ${CARDS.offenderNote}`,
      })
      .expect(ok);
    expect(offenders.body.note).toBe(`Held card ${masked(CARDS.offenderNote)}`);

    const freeze = await investigator.api
      .post(`/cases/${caseId}/freezes`, {
        bank: `Halyk, card ${spaced(CARDS.freezeBank)}`,
        account: 'KZ86125KZT5004100100',
        amount: '1000.00',
        frozenAt: hoursAgo(0.5),
        stage: 'domestic',
        reportId,
      })
      .expect(ok);
    await investigator.api
      .post(`/freezes/${freeze.body.id}/extend`, {
        sanctionRef: `Sanction for ${dashed(CARDS.sanctionRef)}`,
      })
      .expect(ok);
    const [request] = await db.query(
      `SELECT id FROM freeze_requests WHERE case_id = $1 AND status = 'pending' LIMIT 1`,
      [caseId],
    );
    expect(request).toBeDefined();
    await investigator.api
      .post(`/freeze-requests/${request.id}/dismiss`, {
        reason: `Duplicate of ${CARDS.dismissReason}`,
      })
      .expect(ok);
    const reimbursement = await investigator.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId,
        amount: '100.00',
        source: 'bank_compensation',
        paidAt: hoursAgo(0.2),
      })
      .expect(ok);
    await investigator.api
      .post(`/reimbursements/${reimbursement.body.id}/reverse`, {
        reason: `Paid to the wrong card ${spaced(CARDS.reversalReason)}`,
      })
      .expect(ok);

    await investigator.api
      .post(`/cases/${caseId}/transition`, {
        to: 'referred',
        agency: `Interpol desk, re ${spaced(CARDS.agency)}`,
      })
      .expect(ok);
  });

  it('keeps only the masked form, in every text and json column of every table', async () => {
    const found = await findInDatabase(db, cardNeedles(CARDS));
    expect(found).toEqual([]);

    const [report] = await db.query(
      'SELECT description, reporter_full_name, loan FROM reports WHERE id = $1',
      [reportId],
    );
    expect(report.description).toBe(
      `I paid to ${masked(CARDS.description)} for a loan that never came.`,
    );
    expect(report.reporter_full_name).toBe(`Aigerim Sarsenbayeva ${masked(CARDS.fullName)}`);
    expect(report.loan).toMatchObject({
      lender: `QuickCash (card ${masked(CARDS.lender)})`,
      contractNumber: masked(CARDS.contractNumber),
    });
    const [statement] = await db.query('SELECT text FROM report_statements WHERE report_id = $1', [
      reportId,
    ]);
    expect(statement.text).toBe(
      `He now asks for money to card\n${masked(CARDS.statement)} instead.`,
    );
  });

  it('links the cards of the description and the statement as card suspects (keyed hash)', async () => {
    const cards = await db.query(
      `SELECT value, display, source FROM report_identifiers
        WHERE report_id = $1 AND type = 'card' ORDER BY display`,
      [reportId],
    );
    const expected = [CARDS.description, CARDS.statement, '4111111111111111']
      .map(masked)
      .sort()
      .map((display) => ({
        display,
        value: expect.stringMatching(/^[0-9a-f]{64}$/),
        source: 'suspect',
      }));
    expect(cards).toEqual(expected);
    expect(linkedCaseId).toBe(caseId);
  });

  it('keeps a card inside an email, messenger, URL, wallet, profile or handle like a card', async () => {
    const record = <T extends { status: number; text: string }>(res: T): T => {
      responses.push(res.text);
      return res;
    };
    const C = SUSPECT_CARDS;
    const filed = record(
      await d
        .http()
        .post('/api/v1/reports')
        .send(
          validReportBody({
            reporter: { phone: '8 702 000 33 44' },
            transactions: [
              {
                paidAt: hoursAgo(1),
                amount: '7000.00',
                method: 'card',
                toAccount: dashed(C.toAccount),
              },
            ],
            suspects: [
              { type: 'email', value: `${C.email}@mail.kz` },
              { type: 'messenger', value: `t.me/${C.telegram}` },
              { type: 'url', value: `https://x.kz/pay/${spaced(C.url)}` },
              { type: 'crypto_wallet', value: `T${C.wallet}xyz` },
              { type: 'social_profile', value: `instagram.com/${C.profile}` },
              { type: 'messenger', value: `@${C.handle}` },
            ],
          }),
        )
        .expect(202),
    );
    const { reference, accessCode } = filed.body as { reference: string; accessCode: string };
    record(
      await d
        .http()
        .post(`/api/v1/reports/${reference}/statements`)
        .set('X-Access-Code', accessCode)
        .send({ suspects: [{ type: 'email', value: `${dashed(C.statementEmail)}@bk.ru` }] })
        .expect(201),
    );
    const caseOfReference = (ref: string) =>
      eventually(async () => {
        const [row] = await db.query('SELECT case_id FROM reports WHERE reference = $1', [ref]);
        return row?.case_id as string | null;
      }, 30_000);
    const emailCase = await caseOfReference(reference);

    // Another victim types the email's card on its own, spaced: the keyed hash links them.
    const other = await d
      .http()
      .post('/api/v1/reports')
      .send(
        validReportBody({
          reporter: { phone: '8 702 000 55 66' },
          transactions: [],
          suspects: [{ type: 'card', value: spaced(C.email) }],
        }),
      )
      .expect(202);
    expect(await caseOfReference(other.body.reference)).toBe(emailCase);

    const ids = await db.query(
      `SELECT type, display FROM report_identifiers r JOIN reports p ON p.id = r.report_id
        WHERE p.reference = $1 ORDER BY display`,
      [reference],
    );
    expect(ids).toEqual(
      Object.values(C)
        .map((card) => ({ type: 'card', display: masked(card) }))
        .sort((a, b) => a.display.localeCompare(b.display)),
    );

    const staff = investigator.api;
    const search = record(
      await staff.get(`/identifiers?value=${encodeURIComponent(`${C.email}@mail.kz`)}`).expect(200),
    );
    expect(search.body.matches).toEqual([
      expect.objectContaining({
        type: 'card',
        display: masked(C.email),
        case: expect.objectContaining({ id: emailCase }),
      }),
    ]);
    const bySpacedUrl = `https://x.kz/pay/${spaced(C.url)}`;
    record(await staff.get(`/identifiers?value=${encodeURIComponent(bySpacedUrl)}`).expect(200));
    record(await staff.get('/identifiers/top').expect(200));
    record(await staff.get(`/reports/${reference}`).expect(200));
    record(await staff.get(`/cases/${emailCase}`).expect(200));
    record(await staff.get(`/cases`).expect(200));
    record(await staff.get(`/cases/${emailCase}/timeline`).expect(200));
    record(await staff.get('/freeze-requests').expect(200));
    record(
      await d
        .http()
        .get(`/api/v1/reports/${reference}/status`)
        .set('X-Access-Code', accessCode)
        .expect(200),
    );
  });

  it('stores, returns and logs no full card number anywhere (database, Redis, responses, log)', async () => {
    const needles = cardNeedles(ALL_CARDS);
    expect(await findInDatabase(db, needles)).toEqual([]);
    const leaks = (text: string) =>
      Object.entries(needles)
        .filter(([, value]) => text.includes(value))
        .map(([name]) => name);
    expect(leaks(await dumpRedis(d.env))).toEqual([]);
    expect(responses.length).toBeGreaterThan(5);
    expect(leaks(responses.join('\n'))).toEqual([]);
    const log = logLines.join('');
    expect(log).toContain('/api/v1/reports');
    expect(leaks(log)).toEqual([]);
  });
});
