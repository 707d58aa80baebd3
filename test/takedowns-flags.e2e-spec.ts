import { DataSource } from 'typeorm';
import {
  CasesDeployment,
  cardNumber,
  createStaff,
  findInDatabase,
  newCase,
  sql,
  startCasesDeployment,
  statsSummary,
  uniqueSuspectPhone,
} from '@app/testing';

/**
 * The `financial_pyramid` flag and takedowns (DESIGN "Takedowns, schemes and loans"): who may
 * record them, once and only once (also under concurrent requests and behind the service, in
 * the database), their timeline entries, and the figures they feed.
 */
describe('takedowns and the pyramid flag', () => {
  let c: CasesDeployment;
  let caseId: string;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const tomorrow = () =>
    new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const period = () => `from=${today()}&to=${tomorrow()}`;

  beforeAll(async () => {
    c = await startCasesDeployment('takedowns');
    caseId = await newCase(c.d);
  }, 120_000);
  afterAll(async () => c?.d.close());

  const takedown = (overrides: Record<string, unknown> = {}) => ({
    kind: 'messenger_chat',
    identifier: { type: 'url', value: `t.me/ring-${Math.random().toString(36).slice(2, 9)}` },
    platform: 'Telegram',
    requestedAt: ago(120),
    ...overrides,
  });

  it('flags a case once, 409 for a second flag, even when two staff flag at once', async () => {
    const target = await newCase(c.d);
    const results = await Promise.all(
      [c.investigator, c.colleague, c.supervisor, c.investigator].map((who) =>
        who.api.post(`/cases/${target}/flags`, { flag: 'financial_pyramid' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.type).toMatch(/flag-already-set$/);
    const [{ n }] = await sql<{ n: number }>(
      c.d,
      'SELECT count(*)::int AS n FROM case_flags WHERE case_id = $1',
      [target],
    );
    expect(n).toBe(1);
    const detail = (await c.investigator.api.get(`/cases/${target}`).expect(200)).body;
    expect(detail.flags).toEqual([expect.objectContaining({ flag: 'financial_pyramid' })]);
  });

  it('lets only a supervisor withdraw, which removes it from the figure; it can be set again', async () => {
    const target = await newCase(c.d);
    await c.investigator.api
      .post(`/cases/${target}/flags`, { flag: 'financial_pyramid' })
      .expect(201);
    const before = (await statsSummary(c.national, period())).current.pyramidsDetected;
    await c.investigator.api.delete(`/cases/${target}/flags/financial_pyramid`).expect(403);
    await c.supervisor.api.delete(`/cases/${target}/flags/financial_pyramid`).expect(204);
    await c.supervisor.api.delete(`/cases/${target}/flags/financial_pyramid`).expect(404);
    await c.supervisor.api.delete(`/cases/${target}/flags/other_flag`).expect(404);
    expect((await statsSummary(c.national, period())).current.pyramidsDetected).toBe(before - 1);
    await c.investigator.api
      .post(`/cases/${target}/flags`, { flag: 'financial_pyramid' })
      .expect(201);
    expect((await statsSummary(c.national, period())).current.pyramidsDetected).toBe(before);
    const types = (
      await sql<{ type: string }>(
        c.d,
        `SELECT type FROM case_events WHERE case_id = $1 AND type LIKE 'case.flag%' ORDER BY id`,
        [target],
      )
    ).map((e) => e.type);
    expect(types).toEqual(['case.flagged', 'case.flag_withdrawn', 'case.flagged']);
  });

  it('keeps flags and takedowns to the case region, and off admins', async () => {
    await c.stranger.api.post(`/cases/${caseId}/flags`, { flag: 'financial_pyramid' }).expect(403);
    await c.stranger.api.post(`/cases/${caseId}/takedowns`, takedown()).expect(403);
    const admin = await createStaff(c.d, { role: 'admin' });
    await admin.api.post(`/cases/${caseId}/takedowns`, takedown()).expect(403);
    const mine = await c.investigator.api
      .post(`/cases/${caseId}/takedowns`, takedown())
      .expect(201);
    await c.stranger.api
      .post(`/takedowns/${mine.body.id}/outcome`, { outcome: 'blocked', at: ago(1) })
      .expect(403);
    const list = (await c.stranger.api.get('/takedowns').expect(200)).body;
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(mine.body.id);
    await c.stranger.api.get('/takedowns?region=almaty_city').expect(403);
  });

  it('records one outcome per takedown, also when two are sent at once', async () => {
    const created = await c.investigator.api
      .post(`/cases/${caseId}/takedowns`, takedown())
      .expect(201);
    expect(created.body).toMatchObject({ status: 'requested', caseId, platform: 'Telegram' });
    const id = created.body.id as string;
    const outcomes = await Promise.all([
      c.investigator.api.post(`/takedowns/${id}/outcome`, { outcome: 'blocked', at: ago(5) }),
      c.colleague.api.post(`/takedowns/${id}/outcome`, { outcome: 'refused', at: ago(4) }),
      c.supervisor.api.post(`/takedowns/${id}/outcome`, { outcome: 'blocked', at: ago(3) }),
    ]);
    expect(outcomes.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const [row] = await sql<{ outcome: string }>(
      c.d,
      'SELECT outcome FROM takedowns WHERE id = $1',
      [id],
    );
    expect(row.outcome).toBe(outcomes.find((r) => r.status === 200)!.body.status);
    const timeline = await sql<{ type: string }>(
      c.d,
      `SELECT type FROM case_events WHERE case_id = $1 AND data->>'takedownId' = $2 ORDER BY id`,
      [caseId, id],
    );
    expect(timeline.map((e) => e.type)).toEqual([
      'takedown.requested',
      'takedown.outcome_recorded',
    ]);
  });

  it('refuses an outcome before the request or in the future, and bad bodies, with 400', async () => {
    const { body } = await c.investigator.api
      .post(`/cases/${caseId}/takedowns`, takedown({ requestedAt: ago(60) }))
      .expect(201);
    const early = await c.investigator.api
      .post(`/takedowns/${body.id}/outcome`, { outcome: 'blocked', at: ago(61) })
      .expect(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);
    await c.investigator.api
      .post(`/takedowns/${body.id}/outcome`, {
        outcome: 'blocked',
        at: new Date(Date.now() + 3600_000).toISOString(),
      })
      .expect(400);
    await c.investigator.api
      .post(`/takedowns/${body.id}/outcome`, { outcome: 'maybe', at: ago(1) })
      .expect(400);
    for (const bad of [
      takedown({ kind: 'fax' }),
      takedown({ identifier: { type: 'phone', value: 'not a phone' } }),
      takedown({ kind: 'phone_number', identifier: { type: 'url', value: 'https://x.kz' } }),
      takedown({ platform: '' }),
      takedown({ requestedAt: new Date(Date.now() + 3600_000).toISOString() }),
    ]) {
      const res = await c.investigator.api.post(`/cases/${caseId}/takedowns`, bad);
      expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400]);
    }
    await c.investigator.api
      .post('/takedowns/not-a-uuid/outcome', { outcome: 'blocked', at: ago(1) })
      .expect(404);
  });

  it('keeps card numbers as hash and mask, and normalises identifiers like suspects', async () => {
    const card = cardNumber('427638000000123');
    const phone = uniqueSuspectPhone();
    const carded = await c.investigator.api
      .post(
        `/cases/${caseId}/takedowns`,
        takedown({ kind: 'card', identifier: { type: 'card', value: card } }),
      )
      .expect(201);
    expect(carded.body.identifier.value).not.toContain(card.slice(0, 12));
    expect(carded.body.identifier.value).toContain(card.slice(-4));
    const numbered = await c.investigator.api
      .post(
        `/cases/${caseId}/takedowns`,
        takedown({ kind: 'phone_number', identifier: { type: 'phone', value: phone } }),
      )
      .expect(201);
    const [row] = await sql<{ identifier_value: string }>(
      c.d,
      'SELECT identifier_value FROM takedowns WHERE id = $1',
      [numbered.body.id],
    );
    expect(row.identifier_value).toMatch(/^\+77\d{9}$/);
    expect(await findInDatabase(c.d.api.get(DataSource), { card })).toEqual([]);
  });

  it('holds the rules in the database too: one outcome, nothing deleted, no future', async () => {
    const { body } = await c.investigator.api
      .post(`/cases/${caseId}/takedowns`, takedown())
      .expect(201);
    await c.investigator.api
      .post(`/takedowns/${body.id}/outcome`, { outcome: 'refused', at: ago(1) })
      .expect(200);
    const db = c.d.api.get(DataSource);
    await expect(
      db.query(`UPDATE takedowns SET outcome = 'blocked' WHERE id = $1`, [body.id]),
    ).rejects.toThrow(/already recorded/);
    await expect(db.query('DELETE FROM takedowns WHERE id = $1', [body.id])).rejects.toThrow(
      /history/,
    );
    const fresh = await c.investigator.api
      .post(`/cases/${caseId}/takedowns`, takedown())
      .expect(201);
    await expect(
      db.query(
        `UPDATE takedowns SET outcome = 'blocked', outcome_at = now() + interval '1 day',
                outcome_by = requested_by WHERE id = $1`,
        [fresh.body.id],
      ),
    ).rejects.toThrow(/future/);
    await expect(
      db.query(
        `UPDATE takedowns SET outcome = 'blocked', outcome_at = requested_at - interval '1 hour',
                outcome_by = requested_by WHERE id = $1`,
        [fresh.body.id],
      ),
    ).rejects.toThrow(/ck_takedowns_outcome_after_request/);
    await expect(
      db.query('UPDATE takedowns SET platform = $2 WHERE id = $1', [fresh.body.id, 'X']),
    ).rejects.toThrow(/only the outcome/);
  });

  it('counts blocked takedowns by kind in the period of their outcome, by case region', async () => {
    const base = (await statsSummary(c.national, period())).current;
    const baseAstana = (await statsSummary(c.national, `${period()}&region=astana`)).current;
    const record = async (
      kind: string,
      identifier: { type: string; value: string },
      outcome: string,
    ) => {
      const { body } = await c.investigator.api
        .post(`/cases/${caseId}/takedowns`, takedown({ kind, identifier }))
        .expect(201);
      await c.investigator.api
        .post(`/takedowns/${body.id}/outcome`, { outcome, at: ago(1) })
        .expect(200);
    };
    await record('messenger_chat', { type: 'url', value: 't.me/joinchat/abc' }, 'blocked');
    await record('website', { type: 'url', value: 'https://fake-bank.kz/' }, 'blocked');
    await record(
      'social_profile',
      { type: 'social_profile', value: 'instagram.com/fake.shop' },
      'blocked',
    );
    await record('phone_number', { type: 'phone', value: uniqueSuspectPhone() }, 'blocked');
    await record('messenger_chat', { type: 'url', value: 't.me/joinchat/def' }, 'refused');
    await record('other', { type: 'url', value: 'https://other.kz/' }, 'blocked');
    const now = (await statsSummary(c.national, period())).current;
    expect({
      chats: now.chatsClosed - base.chatsClosed,
      links: now.linksBlocked - base.linksBlocked,
      numbers: now.numbersBlocked - base.numbersBlocked,
    }).toEqual({ chats: 1, links: 2, numbers: 1 });
    // The case is in almaty_city: astana's figures do not move.
    expect((await statsSummary(c.national, `${period()}&region=astana`)).current).toEqual(
      baseAstana,
    );
    const csv = await c.national.api
      .get(`/stats/export?format=csv&${period()}&region=almaty_city`)
      .expect(200);
    const header = csv.text.split('\n')[0].split(',');
    const rows = csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const column = (name: string) => rows.reduce((s, r) => s + Number(r[header.indexOf(name)]), 0);
    expect(column('chatsClosed')).toBe(now.chatsClosed);
    expect(column('linksBlocked')).toBe(now.linksBlocked);
    const byMonth = (await c.national.api.get(`/stats/breakdown?by=region&${period()}`).expect(200))
      .body;
    expect(byMonth.total.chatsClosed).toBe(now.chatsClosed);
  });
});
