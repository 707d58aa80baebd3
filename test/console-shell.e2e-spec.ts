import { DataSource } from 'typeorm';
import type { Browser, Page } from 'playwright-core';
import {
  createStaff,
  loginAs,
  newCase,
  startDeployment,
  TestDeployment,
  TestStaff,
  uniqueIban,
} from '@app/testing';
import {
  axeViolations,
  consoleEnv,
  expectCount,
  expectText,
  fetchStatusInPage,
  ConsolePage,
  launchChromium,
  listenConsole,
  newConsolePage,
  overflowsHorizontally,
  PHONE,
  screenshot,
  scriptVisibleState,
  signInThroughForm,
} from './support/console-browser';

/**
 * The staff console's shell in a real Chromium against the real API and worker (built console
 * from dist/console: run `npm run console:build` first): sign-in by cookie only, the queue with
 * its filters in the URL, claim next, the account's password change, the language switch and
 * sign-out, each screen state checked by axe and at phone width. One browser, one deployment,
 * flows in sequence; data made through the API.
 */
describe('console shell (Chromium)', () => {
  let d: TestDeployment;
  let base: string;
  let browser: Browser;
  let investigator: TestStaff;
  let national: TestStaff;
  let urgentCase: string;
  /** The investigator's browser, signed in once (sign-in hashes a password: slow) and reused. */
  let inv: ConsolePage;
  const ordinaryCases: string[] = [];

  /** A P1 case (loss of 2,500,000.00 KZT) to an IBAN no other report names. */
  const urgentReport = () => ({
    transactions: [
      {
        paidAt: new Date(Date.now() - 3600_000).toISOString(),
        amount: '2500000.00',
        method: 'bank_transfer',
        fromBank: 'Kaspi Bank',
        toBank: 'Halyk Bank',
        toAccount: uniqueIban(),
      },
    ],
  });

  beforeAll(async () => {
    d = await startDeployment({
      label: 'console-shell',
      worker: true,
      env: consoleEnv({
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      }),
    });
    investigator = await createStaff(d, {
      role: 'investigator',
      region: 'almaty_city',
      fullName: 'Dana Investigator',
    });
    national = await createStaff(d, {
      role: 'supervisor',
      region: null,
      fullName: 'Nurlan Supervisor',
    });
    urgentCase = await newCase(d, urgentReport());
    for (let i = 0; i < 2; i++) ordinaryCases.push(await newCase(d));
    base = await listenConsole(d);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await inv?.context.close();
    await browser?.close();
    await d?.close();
  });

  /**
   * The state every screen must meet: no axe finding, fits a phone (no sideways scrolling), no
   * CSP report or script error. axe runs again at phone width where `phoneAxe` (the screens'
   * first states; axe is the slow part of the suite).
   */
  async function expectAccessible(
    cp: ConsolePage,
    state: string,
    { phoneAxe = false } = {},
  ): Promise<void> {
    expect({ state, violations: await axeViolations(cp.page) }).toEqual({ state, violations: [] });
    const desktop = cp.page.viewportSize();
    await cp.page.setViewportSize(PHONE);
    expect({ state, phoneOverflow: await overflowsHorizontally(cp.page) }).toEqual({
      state,
      phoneOverflow: false,
    });
    if (phoneAxe) {
      expect({ state, phoneViolations: await axeViolations(cp.page) }).toEqual({
        state,
        phoneViolations: [],
      });
    }
    if (desktop) await cp.page.setViewportSize(desktop);
    expect({ state, csp: cp.cspViolations, errors: cp.pageErrors }).toEqual({
      state,
      csp: [],
      errors: [],
    });
  }

  const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('link') });

  it('shows the sign-in form; a wrong password says so in the chosen language', async () => {
    const cp = await newConsolePage(browser);
    try {
      await cp.page.goto(base);
      await cp.page.getByLabel('Email').waitFor();
      await expectAccessible(cp, 'sign-in', { phoneAxe: true });
      await screenshot(cp.page, 'sign-in');

      await cp.page.getByLabel('Email').fill(investigator.email);
      await cp.page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
      await cp.page.getByRole('button', { name: 'Sign in' }).click();
      await expectText(cp.page.getByRole('alert'), 'Wrong email or password.');
      await expectAccessible(cp, 'sign-in failed');
    } finally {
      await cp.context.close();
    }
  });

  it('signs in with an httpOnly cookie only: nothing a script can read holds a token', async () => {
    inv = await newConsolePage(browser);
    const cp = inv;
    await signInThroughForm(cp.page, base, investigator);
    const cookies = await cp.context.cookies();
    const session = cookies.find((c) => c.name === 'fraud_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1' });
    const visible = await scriptVisibleState(cp.page);
    expect(visible.cookie).not.toContain('fraud_session');
    const stored = [...visible.local, ...visible.session];
    for (const entry of stored) {
      expect(entry).not.toContain(session!.value);
      expect(entry).not.toMatch(/csrf|token|session/i);
    }
    // The CSRF token lives in memory: a reload asks GET /auth/session again and stays signed in.
    await cp.page.reload();
    await cp.page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('queue: priority then age, SLA countdown, filters kept in the URL, claim next opens the case', async () => {
    const cp = inv;
    const { page } = cp;
    await page.goto(base);
    await rows(page).first().waitFor();
    await expectCount(rows(page), 3);
    // The P1 case comes first whatever its age; links go to /console/cases/:id.
    const first = rows(page).first();
    await expectText(first, 'P1');
    expect(await first.getByRole('link').getAttribute('href')).toBe(`/console/cases/${urgentCase}`);
    await expectText(first, /left|overdue/);
    await expectAccessible(inv, 'queue', { phoneAxe: true });
    await screenshot(page, 'queue');

    // Filter: priority P4 only; the URL carries it, and a reload keeps it.
    await page.getByLabel('Priority').selectOption('P4');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/priority=P4/);
    await expectCount(rows(page), 2);
    await page.reload();
    await expectCount(rows(page), 2);
    expect(await page.getByLabel('Priority').inputValue()).toBe('P4');
    await page.getByLabel('Priority').selectOption('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectCount(rows(page), 3);

    // Claim next takes the most urgent unassigned case and opens it.
    await page.getByRole('button', { name: 'Claim next case' }).click();
    await page.waitForURL(`${base}cases/${urgentCase}`);
    const claimed = await d.api
      .get(DataSource)
      .query('SELECT assignee_id FROM cases WHERE id = $1', [urgentCase]);
    expect(claimed[0]?.assignee_id).toBe(investigator.id);

    // Assignee "me" shows the claimed case only.
    await page.goto(`${base}?assignee=me`);
    await expectCount(rows(page), 1);
    await expectText(rows(page).first(), 'P1');
    await expectAccessible(cp, 'queue mine');
  });

  it('claim next with an empty queue says so; a national supervisor has no claim button but a region filter', async () => {
    // Empty the queue of unassigned cases through the API.
    for (const id of ordinaryCases) {
      const res = await investigator.api.post(`/cases/${id}/claim`, {});
      expect(res.status).toBe(200);
    }
    const cp = inv;
    await cp.page.goto(base);
    await cp.page.getByRole('button', { name: 'Claim next case' }).click();
    await expectText(cp.page.locator('main'), 'There is no unassigned case left');
    await expectCount(
      cp.page.getByRole('status').filter({ hasText: 'There is no unassigned case left' }),
      1,
    );
    await expectAccessible(cp, 'queue empty claim');

    const sup = await newConsolePage(browser);
    try {
      await signInThroughForm(sup.page, base, national);
      await rows(sup.page).first().waitFor();
      await expectCount(sup.page.getByRole('button', { name: 'Claim next case' }), 0);
      await sup.page.getByLabel('Region').waitFor();
      await expectAccessible(sup, 'queue national supervisor');

      // A password change made elsewhere (bearer) ends this console session: the next call is
      // a 401, and the console returns to sign-in saying why.
      const changed = await national.api.post('/me/password', {
        currentPassword: national.password,
        newPassword: 'the national supervisor chose a new one',
      });
      expect(changed.status).toBe(204);
      await sup.page.getByLabel('Priority').selectOption('P1');
      await sup.page.getByRole('button', { name: 'Apply' }).click();
      await sup.page.getByLabel('Email').waitFor();
      await expectText(sup.page.getByRole('status'), 'Your session has ended');
      await expectAccessible(sup, 'sign-in after expiry');
    } finally {
      await sup.context.close();
    }
  });

  it('switches kk / ru / en, remembered across a reload', async () => {
    const cp = inv;
    const { page } = cp;
    await page.goto(base);
    const lang = page.getByLabel('Language');
    await lang.selectOption('kk');
    await page.getByRole('button', { name: 'Шығу' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await expectAccessible(cp, 'queue kk');
    await page.getByLabel('Тіл').selectOption('ru');
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('changes the own password on the account screen; a wrong current password is named beside its field', async () => {
    const { page } = inv;
    const next = 'a brand new passphrase for the console';
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill('this is not my password');
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    // The API's message for currentPassword, beside that field (and nothing beside the other).
    await expectCount(page.locator('.field:has(#current-password) .field-error'), 1);
    await expectCount(page.locator('.field:has(#new-password) .field-error'), 0);
    await expectAccessible(inv, 'account error', { phoneAxe: true });

    await page.getByLabel('Current password').fill(investigator.password);
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.getByRole('status'), 'Password changed');
    await expectAccessible(inv, 'account changed');
    // Still signed in here; the new password signs in; the old one no longer does.
    await page.getByRole('link', { name: 'Queue' }).click();
    await rows(page).first().waitFor();
    expect(await loginAs(d, investigator.email, next)).toEqual(expect.any(String));
    const old = await d
      .http()
      .post('/api/v1/auth/login')
      .send({ email: investigator.email, password: investigator.password });
    expect(old.status).toBe(401);
    investigator.password = next;
  });

  it('signs out: the session is revoked (API answers 401, the back button shows sign-in)', async () => {
    const cp = inv;
    const { page } = cp;
    // A path the console does not know: a page of its own, with its heading.
    await page.goto(`${base}no-such-page`);
    await expectText(page.getByRole('heading', { level: 1 }), 'There is no such page.');
    await expectAccessible(cp, 'not found');
    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL(/\/account$/);
    const cookie = (await cp.context.cookies()).find((c) => c.name === 'fraud_session')!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await page.goBack();
    await page.getByLabel('Email').waitFor();
    await expectCount(page.getByRole('button', { name: 'Sign out' }), 0);
    const me = await fetchStatusInPage(page, '/api/v1/me');
    expect(me).toBe(401);
    // The old cookie, replayed from elsewhere, is dead too (revoked server-side, not just cleared).
    const replay = await d.http().get('/api/v1/me').set('Cookie', `${cookie.name}=${cookie.value}`);
    expect(replay.status).toBe(401);
  });
});
