import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateValidIin } from '@app/common';
import {
  adminToken,
  auditRows,
  caseOf,
  createStaff,
  reportTransaction,
  ringReport,
  staffClient,
  startDeployment,
  StaffClient,
  SubmittedReport,
  TestDeployment,
  TestStaff,
  uniqueUrl,
} from '@app/testing';

/** Ten national digits no other report of this deployment uses: +7 701 XXX XX XX. */
const PHONE = `701${randomInt(1_000_000, 9_999_999)}`;
const IIN = generateValidIin(new Date(Date.UTC(1990, 6, 21)), 4, randomInt(1000, 9999));
/** The same number as a citizen or an investigator might type it. */
const SPELLINGS = [
  `+7 ${PHONE.slice(0, 3)} ${PHONE.slice(3, 6)} ${PHONE.slice(6, 8)} ${PHONE.slice(8)}`,
  `8 ${PHONE.slice(0, 3)} ${PHONE.slice(3, 6)} ${PHONE.slice(6, 8)} ${PHONE.slice(8)}`,
  `8 (${PHONE.slice(0, 3)}) ${PHONE.slice(3, 6)}-${PHONE.slice(6, 8)}-${PHONE.slice(8)}`,
  `8${PHONE}`,
];

interface Item {
  reference: string;
  caseId: string | null;
  region: string;
  submittedAt: string;
  loss: string;
}

const q = (params: Record<string, string>) => `/victims?${new URLSearchParams(params)}`;
const references = (items: Item[]) => items.map((i) => i.reference);

/**
 * `GET /victims?phone=|iin=`: a person's reports found through the blind indexes, in the
 * caller's region (by the case's region, or the reporter's before triage), newest first, paged,
 * with the phone and IIN nowhere in the log, the audit log or a problem.
 */
describe('reports: staff search for a victim by phone or IIN', () => {
  let d: TestDeployment;
  let db: DataSource;
  const logLines: string[] = [];
  let almaty: TestStaff;
  let almatySupervisor: TestStaff;
  let astana: TestStaff;
  let national: TestStaff;
  let admin: StaffClient;
  /** The victim's reports, oldest first. */
  const victim: Record<
    'almaty1' | 'astanaOwn' | 'almaty2' | 'astanaInAlmatyCase',
    SubmittedReport
  > = {} as never;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'victim-search',
      worker: true,
      env: {
        LOG_LEVEL: 'debug',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      },
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    db = d.api.get(DataSource);
    almaty = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    almatySupervisor = await createStaff(d, { role: 'supervisor', region: 'almaty_city' });
    astana = await createStaff(d, { role: 'investigator', region: 'astana' });
    national = await createStaff(d, { role: 'supervisor', region: null });
    admin = staffClient(d, await adminToken(d));

    const file = (region: string, spelling: string, extra: Record<string, unknown> = {}) =>
      ringReport(d, { reporter: { region, phone: spelling, iin: IIN }, ...extra });
    victim.almaty1 = await file('almaty_city', SPELLINGS[0]);
    victim.astanaOwn = await file('astana', SPELLINGS[1]);
    victim.almaty2 = await file('almaty_city', SPELLINGS[2], {
      transactions: [reportTransaction({ amount: '2500.50' })],
    });
    // An astana reporter naming a ring an almaty case already holds: triage links the report
    // to that case, so it is almaty's report now, not astana's.
    const ring = uniqueUrl();
    const ringCase = await caseOf(
      d,
      (await ringReport(d, { suspects: [{ type: 'url', value: ring }] })).id,
    );
    victim.astanaInAlmatyCase = await file('astana', SPELLINGS[3], {
      suspects: [{ type: 'url', value: ring }],
    });
    expect(await caseOf(d, victim.astanaInAlmatyCase.id)).toBe(ringCase);
    for (const r of Object.values(victim)) await caseOf(d, r.id);
    // Someone else with another phone and no IIN, in the same region: never in the answers.
    await ringReport(d, {
      reporter: {
        region: 'almaty_city',
        phone: `+7 702 ${randomInt(1_000_000, 9_999_999)}`,
        iin: undefined,
      },
    });
  }, 180_000);
  afterAll(async () => d?.close());

  it('finds the reports by phone in any spelling and by IIN, newest first, in the caller region', async () => {
    const almatyRefs = [victim.astanaInAlmatyCase, victim.almaty2, victim.almaty1].map(
      (r) => r.reference,
    );
    for (const phone of SPELLINGS) {
      const res = await almaty.api.get(q({ phone })).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(references(res.body.items)).toEqual(almatyRefs);
      expect(res.body.nextCursor).toBeNull();
    }
    const byIin = await almaty.api.get(q({ iin: IIN })).expect(200);
    expect(references(byIin.body.items)).toEqual(almatyRefs);
    // A pasted IIN with spaces around it is the same IIN.
    const padded = await almaty.api.get(q({ iin: ` ${IIN} ` })).expect(200);
    expect(references(padded.body.items)).toEqual(almatyRefs);

    const [newest, second] = byIin.body.items as Item[];
    expect(newest.region).toBe('astana');
    expect(newest.caseId).toEqual(expect.any(String));
    expect(second).toMatchObject({ region: 'almaty_city', loss: '2500.50' });
    expect(Object.keys(second).sort()).toEqual(
      [
        'caseId',
        'caseNumber',
        'fraudType',
        'frozen',
        'id',
        'loss',
        'priority',
        'reference',
        'region',
        'reimbursed',
        'status',
        'submittedAt',
      ].sort(),
    );
    const supervised = await almatySupervisor.api.get(q({ phone: SPELLINGS[0] })).expect(200);
    expect(references(supervised.body.items)).toEqual(almatyRefs);
  });

  it('shows another region only its own reports of the person, and national staff all', async () => {
    const other = await astana.api.get(q({ phone: SPELLINGS[1] })).expect(200);
    expect(references(other.body.items)).toEqual([victim.astanaOwn.reference]);
    const all = [victim.astanaInAlmatyCase, victim.almaty2, victim.astanaOwn, victim.almaty1].map(
      (r) => r.reference,
    );
    for (const who of [national.api, admin]) {
      expect(references((await who.get(q({ iin: IIN })).expect(200)).body.items)).toEqual(all);
    }
    // A person with reports only in another region is an empty list, not a 403: a list is
    // filtered by the caller's region, and nothing here asks for another region.
    const astanaOnly = `+7 701 ${randomInt(1_000_000, 9_999_999)}`;
    await ringReport(d, { reporter: { region: 'astana', phone: astanaOnly } });
    expect((await almaty.api.get(q({ phone: astanaOnly })).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await national.api.get(q({ phone: astanaOnly })).expect(200)).body.items).toHaveLength(
      1,
    );
  });

  it('pages newest first with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const params: Record<string, string> = { phone: SPELLINGS[2], limit: '1' };
      if (cursor !== null) params.cursor = cursor;
      const res = await national.api.get(q(params)).expect(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(...references(res.body.items));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
    } while (cursor !== null && pages < 10);
    const full = (await national.api.get(q({ phone: SPELLINGS[2] })).expect(200)).body;
    expect(seen).toEqual(references(full.items));
    expect(seen).toHaveLength(4);
    const two = (await national.api.get(q({ iin: IIN, limit: '3' })).expect(200)).body;
    expect(references(two.items)).toEqual(seen.slice(0, 3));
    const rest = (
      await national.api.get(q({ iin: IIN, limit: '3', cursor: two.nextCursor })).expect(200)
    ).body;
    expect(references(rest.items)).toEqual(seen.slice(3));
    expect(rest.nextCursor).toBeNull();
  });

  it('answers bad input with a 400 naming the field, never repeating the value', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'phone'],
      [{ phone: SPELLINGS[0], iin: IIN }, 'iin'],
      [{ phone: `+1 ${PHONE}` }, 'phone'],
      [{ phone: `${PHONE}99` }, 'phone'],
      [{ phone: '' }, 'phone'],
      [{ iin: `${IIN.slice(0, 11)}${(Number(IIN[11]) + 1) % 10}` }, 'iin'],
      [{ iin: IIN.slice(0, 11) }, 'iin'],
      [{ iin: '' }, 'iin'],
      [{ phone: SPELLINGS[0], limit: '0' }, 'limit'],
      [{ phone: SPELLINGS[0], limit: '201' }, 'limit'],
      [{ phone: SPELLINGS[0], cursor: 'not-a-cursor' }, 'cursor'],
      [{ phone: SPELLINGS[0], name: 'Aigerim' }, 'name'],
    ];
    for (const [params, field] of cases) {
      const res = await almaty.api.get(q(params)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(IIN.slice(0, 11));
    }
    // A repeated parameter is an array, not a string: a 400 too, never a 500.
    await almaty.api.get(`/victims?phone=${PHONE}&phone=${PHONE}`).expect(400);
    await almaty.api.get(`/victims?iin=${IIN}&iin=${IIN}`).expect(400);
  });

  it('needs a signed-in staff member', async () => {
    const res = await staffClient(d)
      .get(q({ phone: SPELLINGS[0] }))
      .expect(401);
    expect(res.body.type).toMatch(/unauthorized$/);
    await staffClient(d, 'not-a-token')
      .get(q({ iin: IIN }))
      .expect(401);
  });

  it('audits each search without the value, and logs neither phone nor IIN', async () => {
    const before = (await auditRows(d, 'victim.searched')).length;
    await astana.api.get(q({ iin: IIN })).expect(200);
    const rows = await auditRows(d, 'victim.searched');
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({
      actor_id: astana.id,
      actor_role: 'investigator',
      route: 'GET /api/v1/victims',
      detail: { by: 'iin', found: 1, paged: false },
    });
    expect(rows.some((r) => (r.detail as { by: string }).by === 'phone')).toBe(true);
    const audit = JSON.stringify(await db.query('SELECT * FROM audit_log'));
    expect(audit).not.toContain(PHONE);
    expect(audit).not.toContain(IIN);

    // Every search above went through the request log at debug level; the log saw them.
    const log = logLines.join('\n');
    expect(log).toMatch(/\/api\/v1\/victims/);
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(IIN);
    expect(log).not.toContain(IIN.slice(0, 11));
    for (const spelling of SPELLINGS) {
      expect(log).not.toContain(encodeURIComponent(spelling));
      expect(log).not.toContain(new URLSearchParams({ phone: spelling }).toString());
    }
  });
});
