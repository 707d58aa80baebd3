import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  caseOf,
  createStaff,
  eventually,
  fileReport,
  startDeployment,
  submitReport,
  TestDeployment,
  TestStaff,
  uniquePhone,
  validReportBody,
} from '@app/testing';
import {
  axeViolations,
  consoleEnv,
  launchChromium,
  listenConsole,
  newConsolePage,
  sidewaysOverflow,
  PHONE,
  screenshot,
  signInThroughForm,
} from './support/console-browser';

/** axe on the page as it stands (0 violations), and the phone width fits without sideways scroll. */
async function checkAxe(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function checkPhone(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await sidewaysOverflow(page)).toEqual([]);
  await checkAxe(page);
}

/** Text content of a test id with no-break spaces read as spaces (ru/kk group digits with them). */
async function textOf(page: Page, testId: string): Promise<string> {
  const raw = (await page.getByTestId(testId).textContent()) ?? '';
  return raw.replace(/[\u00a0\u202f]/g, ' ').trim();
}

/**
 * The freeze desk, search, supervisor dashboard and admin screens of the console, in one
 * browser against the real API and worker: data is made through the API, the screens are read
 * and driven as staff would.
 */
describe('console: freeze desk, search, dashboard, admin', () => {
  let d: TestDeployment;
  let base: string;
  let browser: Browser;
  let national: TestStaff;
  let investigator: TestStaff;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    d = await startDeployment({
      label: 'console-desk',
      worker: true,
      env: consoleEnv({
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      }),
    });
    // The origin: the tests open /console/… paths under it.
    base = (await listenConsole(d)).replace(/\/console\/$/, '');
    [national, investigator] = await Promise.all([
      createStaff(d, { role: 'supervisor', region: null }),
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    ]);
    admin = { email: d.env.BOOTSTRAP_ADMIN_EMAIL, password: d.env.BOOTSTRAP_ADMIN_PASSWORD };
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await d?.close();
  });

  it('a supervisor sees the figures move after a report, its case and a reimbursement, and exports CSV', async () => {
    const { context, page, cspViolations, pageErrors } = await newConsolePage(browser);
    await signInThroughForm(page, `${base}/console/`, national);
    await page.goto(`${base}/console/dashboard`);
    await page.getByTestId('reportsReceived-value').waitFor();
    const before = {
      reports: await textOf(page, 'reportsReceived-value'),
      cases: await textOf(page, 'casesOpened-value'),
      damage: await textOf(page, 'damageReported-value'),
      reimbursed: await textOf(page, 'reimbursedTotal-value'),
    };
    expect(before).toEqual({ reports: '0', cases: '0', damage: '0.00 ₸', reimbursed: '0.00 ₸' });

    // File, triage (the worker opens the case), reimburse: all through the API.
    const report = await fileReport(d, { amounts: ['150000.25'] });
    const caseId = await caseOf(d, report.id);
    await investigator.api
      .post(`/cases/${caseId}/reimbursements`, {
        reportId: report.id,
        amount: '1000.10',
        source: 'bank_compensation',
        paidAt: new Date().toISOString(),
      })
      .expect(201);

    await page.reload();
    await page.getByTestId('reportsReceived-value').waitFor();
    expect(await textOf(page, 'reportsReceived-value')).toBe('1');
    expect(await textOf(page, 'casesOpened-value')).toBe('1');
    expect(await textOf(page, 'damageReported-value')).toBe('150,000.25 ₸');
    expect(await textOf(page, 'reimbursedTotal-value')).toBe('1,000.10 ₸');
    expect(await textOf(page, 'reportsReceived-change')).toBe(
      '▲ up, previous period was zero (+1)',
    );
    await checkAxe(page);
    await screenshot(page, 'dashboard');

    // The CSV is a download the browser makes with its own session cookie.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV (by day)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 5)).toEqual([
      'period',
      'region',
      'fraudType',
      'reportsReceived',
      'damageReported',
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(',almaty_city,online_purchase,1,150000.25,1,');
    expect(lines[0]).toContain(',1000.10,');

    // Filters are in the URL: a region with nothing in it reads zero.
    await page.locator('select[name="region"]').selectOption('astana');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/region=astana/);
    await eventually(async () => (await textOf(page, 'reportsReceived-value')) === '0');

    await checkPhone(page);
    expect([cspViolations, pageErrors]).toEqual([[], []]);
    await context.close();
  });

  it('the freeze desk lists a pending request with a link to its case, and extends a freeze', async () => {
    // A payment an hour ago makes the case P1: triage opens a freeze request for its account.
    const report = await fileReport(d, { amounts: ['777.00'] });
    const caseId = await caseOf(d, report.id);
    const requests = await investigator.api.get(`/freeze-requests?caseId=${caseId}`).expect(200);
    const caseNumber = requests.body.items[0].caseNumber as string;
    const freeze = await investigator.api
      .post(`/cases/${caseId}/freezes`, {
        bank: 'Halyk Bank',
        account: uniquePhone(),
        amount: '500.00',
        frozenAt: new Date().toISOString(),
        stage: 'domestic',
        reportId: report.id,
      })
      .expect(201);

    const { context, page, cspViolations, pageErrors } = await newConsolePage(browser);
    await signInThroughForm(page, `${base}/console/`, investigator);
    await page.goto(`${base}/console/freezes?within=10`);
    const row = page
      .getByTestId('freeze-requests')
      .getByRole('row', { name: new RegExp(caseNumber) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/777[.,]00/);
    expect(await row.getByRole('link', { name: caseNumber }).getAttribute('href')).toBe(
      `/console/cases/${caseId}`,
    );
    await checkAxe(page);

    const expiring = page.getByTestId('expiring-freezes').getByRole('row', { name: /500\.00/ });
    await expiring.getByRole('button', { name: 'Extend' }).click();
    const form = page.getByRole('form', { name: 'Extend the freeze' });
    await form.getByLabel('Sanction reference').fill('SANCTION-2026-17');
    await form.getByRole('button', { name: 'Extend' }).click();
    await page.getByRole('status').filter({ hasText: 'The freeze now holds until' }).waitFor();
    await expiring.getByText('Extended (SANCTION-2026-17)').waitFor();
    const after = await investigator.api.get(`/freezes?caseId=${caseId}`).expect(200);
    const extended = after.body.items.find((f: { id: string }) => f.id === freeze.body.id);
    expect(extended.sanctionRef).toBe('SANCTION-2026-17');
    expect(Date.parse(extended.expiresAt)).toBeGreaterThan(Date.parse(freeze.body.expiresAt));

    await checkPhone(page);
    await screenshot(page, 'freeze-desk');
    expect([cspViolations, pageErrors]).toEqual([[], []]);
    await context.close();
  });

  it('search finds a report by an identifier in another format, and a victim by phone', async () => {
    const suspect = `+7 705 ${String(Date.now()).slice(-7)}`;
    const digits = suspect.replace(/\D/g, '');
    const report = await submitReport(
      d,
      validReportBody({
        reporter: { phone: '8 702 555 01 23' },
        suspects: [{ type: 'phone', value: suspect }],
      }),
    );
    const caseId = await caseOf(d, report.id);

    const { context, page, cspViolations, pageErrors } = await newConsolePage(browser);
    await signInThroughForm(page, `${base}/console/`, investigator);
    // The suspect's number typed the other way: 8 and no spaces.
    await page.goto(`${base}/console/search?value=${encodeURIComponent(`8${digits.slice(1)}`)}`);
    const match = page.getByTestId('match-phone');
    await match.waitFor();
    expect(await match.getByRole('row', { name: new RegExp(report.reference) }).count()).toBe(1);
    expect(await match.getByRole('link').first().getAttribute('href')).toBe(
      `/console/cases/${caseId}`,
    );
    await checkAxe(page);

    await page.getByLabel('Phone', { exact: true }).check();
    await page.getByLabel("The victim's phone or IIN (exact)").fill('+7 (702) 555-01-23');
    await page.getByRole('button', { name: 'Search' }).nth(1).click();
    await page.waitForURL(/phone=/);
    const victim = page.getByTestId('victim-reports');
    await victim.getByRole('row', { name: new RegExp(report.reference) }).waitFor();
    await checkAxe(page);
    await checkPhone(page);
    await screenshot(page, 'search');
    expect([cspViolations, pageErrors]).toEqual([[], []]);
    await context.close();
  });

  it('an admin creates a user who can then sign in; the queue dashboard shows', async () => {
    const { context, page, cspViolations, pageErrors } = await newConsolePage(browser);
    await signInThroughForm(page, `${base}/console/`, admin);
    await page.goto(`${base}/console/admin`);
    const email = `new.investigator.${Date.now()}@police.test`;
    const password = 'correct horse battery staple 42';
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Full name').fill('Dana Investigator');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.locator('#new-role').selectOption('investigator');
    await page.locator('#new-region').selectOption('astana');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Account ${email} created.` })
      .waitFor();
    await page.getByTestId('users').locator(`tr[data-email="${email}"]`).waitFor();
    await checkAxe(page);

    const signIn = await d.http().post('/api/v1/auth/session').send({ email, password });
    expect(signIn.status).toBe(201);
    expect(signIn.body.user).toMatchObject({ email, role: 'investigator', region: 'astana' });

    // Deactivate from the list: the account can no longer sign in.
    await page
      .getByTestId('users')
      .locator(`tr[data-email="${email}"]`)
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await page
      .getByTestId('users')
      .locator(`tr[data-email="${email}"]`)
      .getByRole('button', { name: 'Reactivate' })
      .waitFor();
    const refused = await d.http().post('/api/v1/auth/session').send({ email, password });
    expect(refused.status).toBe(401);

    await checkPhone(page);
    await screenshot(page, 'admin');

    await page.getByRole('link', { name: 'Queue dashboard' }).click();
    await page.getByText('Redis is up').waitFor();
    await checkAxe(page);
    expect([cspViolations, pageErrors]).toEqual([[], []]);
    await context.close();
  });

  it('an investigator sees neither dashboard nor admin in the nav, and gets "not allowed" on their URLs', async () => {
    const { context, page, cspViolations, pageErrors } = await newConsolePage(browser);
    await signInThroughForm(page, `${base}/console/`, investigator);
    await page.goto(`${base}/console/freezes`);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Freeze desk' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
    for (const path of ['/console/dashboard', '/console/admin']) {
      await page.goto(`${base}${path}`);
      await page.getByText('This page is not for your role.').waitFor();
      expect(await page.locator('.figure-grid, [data-testid="users"]').count()).toBe(0);
      await checkAxe(page);
    }
    expect([cspViolations, pageErrors]).toEqual([[], []]);
    await context.close();
  });
});
