import type { Browser, Locator, Page } from 'playwright-core';
import {
  caseOf,
  createStaff,
  daysAgo,
  ringReport,
  startDeployment,
  TestDeployment,
  TestStaff,
  uniqueIban,
  uniquePhone,
} from '@app/testing';
import {
  axeViolations,
  ConsolePage,
  consoleEnv,
  expectCount,
  expectText,
  launchChromium,
  listenConsole,
  newConsolePage,
  sidewaysOverflow,
  PHONE,
  screenshot,
  signInThroughForm,
} from './support/console-browser';

/** "300,000.00 ₸" as the English console writes money (no-break space before the sign). */
const kzt = (grouped: string): string => `${grouped}\u00a0₸`;

/**
 * The case page in a real Chromium against the real API and worker (built console from
 * dist/console: `npm run console:build` first). An investigator claims the next case (filed
 * through the API, linked by triage), freezes money, releases part of it to the victim,
 * reimburses and solves the case, the figures checked on the page and through the API; a claim
 * that loses to a colleague says so and refetches; another region's investigator sees a
 * "not your region" page and nothing of the case. Every state passes axe; the page fits a phone.
 */
describe('console case page (Chromium)', () => {
  let d: TestDeployment;
  let base: string;
  let browser: Browser;
  let investigator: TestStaff;
  let colleague: TestStaff;
  let stranger: TestStaff;
  let mainCase: string;
  let mainReference: string;
  let otherCase: string;
  let cp: ConsolePage;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'console-case',
      worker: true,
      env: consoleEnv({
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      }),
    });
    [investigator, colleague, stranger] = await Promise.all([
      createStaff(d, {
        role: 'investigator',
        region: 'almaty_city',
        fullName: 'Dana Investigator',
      }),
      createStaff(d, { role: 'investigator', region: 'almaty_city', fullName: 'Erlan Colleague' }),
      createStaff(d, { role: 'investigator', region: 'astana', fullName: 'Aigul Astana' }),
    ]);
    // P2 (loss ≥ 1,000,000.00, paid days ago: no P1 freeze requests): claim-next takes it first.
    const main = await ringReport(d, {
      transactions: [
        {
          paidAt: daysAgo(5),
          amount: '1500000.00',
          method: 'bank_transfer',
          fromBank: 'Kaspi Bank',
          toBank: 'Halyk Bank',
          toAccount: uniqueIban(),
        },
      ],
    });
    mainReference = main.reference;
    mainCase = await caseOf(d, main.id);
    // P4 (no loss): the case the colleague takes first.
    otherCase = await caseOf(d, (await ringReport(d)).id);
    base = await listenConsole(d);
    browser = await launchChromium();
    cp = await newConsolePage(browser);
    await signInThroughForm(cp.page, base, investigator);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await d?.close();
  });

  afterEach(() => {
    expect(cp.cspViolations).toEqual([]);
    expect(cp.pageErrors).toEqual([]);
  });

  const form = (page: Page, name: string): Locator => page.getByRole('form', { name });
  const figure = (page: Page, id: string): Locator => page.getByTestId(id);

  /** Picks an option of a react-aria Select inside a form. */
  async function choose(scope: Locator, label: string | RegExp, option: string): Promise<void> {
    await scope.getByRole('button', { name: label }).click();
    await scope.page().getByRole('option', { name: option, exact: true }).click();
  }

  async function funds(): Promise<Record<string, string>> {
    const res = await investigator.api.get(`/cases/${mainCase}/funds`).expect(200);
    return (res.body as { total: Record<string, string> }).total;
  }

  it('claims the next case from the queue and opens its page', async () => {
    const { page } = cp;
    await page.getByRole('button', { name: 'Claim next case' }).click();
    await page.waitForURL(`${base}cases/${mainCase}`);
    await expectText(page.getByTestId('case-assignee'), 'Dana Investigator');
    await expectText(page.getByTestId('case-status'), 'In review');
    await expectText(page.getByRole('table'), mainReference);
    // Claimed: no claim button; investigators never see supervisor actions.
    await expectCount(page.getByRole('button', { name: 'Claim the case' }), 0);
    await expectCount(page.getByRole('form', { name: 'Assign to an investigator' }), 0);
    await expectCount(page.getByRole('form', { name: 'Merge another case into this one' }), 0);
    await expectText(figure(page, 'funds-loss'), kzt('1,500,000.00'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('freezes an amount: the figure on the page and in the API', async () => {
    const { page } = cp;
    await page.getByRole('button', { name: 'Record a freeze…' }).click();
    const f = form(page, 'Freeze funds');
    await f.getByLabel('Bank').fill('Halyk Bank');
    await f.getByLabel('Account, card or phone').fill(uniquePhone());
    await f.getByLabel('Amount frozen').fill('300 000,00');
    expect(await axeViolations(page)).toEqual([]);
    await f.getByRole('button', { name: 'Record the freeze' }).click();
    await expectText(figure(page, 'funds-frozen'), kzt('300,000.00'));
    await expectText(figure(page, 'funds-held'), kzt('300,000.00'));
    expect(await funds()).toMatchObject({ frozen: '300000.00', held: '300000.00' });
  });

  it('releases part of the freeze to the victim: released and reimbursed move together', async () => {
    const { page } = cp;
    const freeze = page.getByTestId('freeze');
    await freeze.getByRole('button', { name: 'Release…' }).click();
    const f = form(page, 'Release');
    await f.getByLabel('Amount released').fill('120000.50');
    await choose(f, /Victim’s report/, mainReference);
    await f.getByRole('button', { name: 'Release', exact: true }).click();
    await expectText(figure(page, 'funds-released'), kzt('120,000.50'));
    await expectText(figure(page, 'funds-reimbursed'), kzt('120,000.50'));
    await expectText(figure(page, 'funds-held'), kzt('179,999.50'));
    expect(await funds()).toMatchObject({
      frozen: '300000.00',
      released: '120000.50',
      releasedToVictims: '120000.50',
      reimbursed: '120000.50',
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reimburses the victim: reimbursed and outstanding, exact to the tiyn', async () => {
    const { page } = cp;
    await page.getByRole('button', { name: 'Record a reimbursement…' }).click();
    const f = form(page, 'Reimbursement');
    await f.getByLabel('Amount reimbursed').fill('79 999,49');
    await f.getByRole('button', { name: 'Record the reimbursement' }).click();
    await expectText(figure(page, 'funds-reimbursed'), kzt('199,999.99'));
    await expectText(figure(page, 'funds-outstanding'), kzt('1,300,000.01'));
    expect(await funds()).toMatchObject({ reimbursed: '199999.99', outstandingLoss: '1300000.01' });
    await expectCount(page.getByTestId('reimbursement'), 2);
  });

  it('a reimbursement beyond the loss is a 409 said in words; nothing changes', async () => {
    const { page } = cp;
    await page.getByRole('button', { name: 'Record a reimbursement…' }).click();
    const f = form(page, 'Reimbursement');
    await f.getByLabel('Amount reimbursed').fill('1300000.02');
    await f.getByRole('button', { name: 'Record the reimbursement' }).click();
    await expectText(f.getByRole('alert'), 'The amount no longer fits');
    expect(await funds()).toMatchObject({ reimbursed: '199999.99' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('solves the case: the menu offers what the status allows, step by step', async () => {
    const { page } = cp;
    const f = form(page, 'Change status');
    await f.getByRole('button', { name: /New status/ }).click();
    // in_review for the holder: investigating, closed, referred (the table), nothing else.
    const options = await page
      .getByRole('listbox', { name: /New status/ })
      .getByRole('option')
      .allInnerTexts();
    expect(options.sort()).toEqual(['Closed', 'Investigating', 'Referred'].sort());
    await page.getByRole('option', { name: 'Investigating', exact: true }).click();
    await f.getByRole('button', { name: 'Change', exact: true }).click();
    await expectText(page.getByTestId('case-status'), 'Investigating');
    await choose(form(page, 'Change status'), /New status/, 'Solved');
    await form(page, 'Change status').getByRole('button', { name: 'Change', exact: true }).click();
    await expectText(page.getByTestId('case-status'), 'Solved');
    // Solved: only a supervisor reopens, so an investigator has no menu at all.
    await expectCount(page.getByRole('form', { name: 'Change status' }), 0);
    const res = await investigator.api.get(`/cases/${mainCase}`).expect(200);
    expect(res.body).toMatchObject({ status: 'solved', allowedTransitions: [] });
    expect(await funds()).toMatchObject({ frozen: '300000.00', reimbursed: '199999.99' });
    await expectText(page.getByTestId('timeline'), 'Status changed');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fits a phone and passes axe there; screenshot for the README', async () => {
    const { page } = cp;
    await page.setViewportSize(PHONE);
    await page.reload();
    await expectText(page.getByTestId('case-status'), 'Solved');
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await expectText(page.getByTestId('case-status'), 'Solved');
    await screenshot(page, 'case');
  });

  it('a claim that loses to a colleague says so and shows who holds the case (409, refetched)', async () => {
    const { page } = cp;
    await page.goto(`${base}cases/${otherCase}`);
    const claim = page.getByRole('button', { name: 'Claim the case' });
    await expectCount(claim, 1);
    await colleague.api.post(`/cases/${otherCase}/claim`, {}).expect(200);
    await claim.click();
    await expectCount(
      page.getByRole('alert').filter({ hasText: 'Another investigator claimed this case first' }),
      1,
    );
    await expectText(page.getByTestId('case-assignee'), 'Erlan Colleague');
    await expectCount(claim, 0);
    // Not the holder: no transitions for this investigator either.
    await expectCount(page.getByRole('form', { name: 'Change status' }), 0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an investigator of another region gets a "not your region" page and no data', async () => {
    const other = await newConsolePage(browser);
    try {
      await signInThroughForm(other.page, base, stranger);
      await other.page.goto(`${base}cases/${mainCase}`);
      await expectText(other.page.getByRole('heading', { level: 1 }), 'Not your region');
      const text = await other.page.locator('main').innerText();
      expect(text).not.toContain(mainReference);
      expect(text).not.toContain('1,500,000.00');
      expect(await axeViolations(other.page)).toEqual([]);
      await stranger.api.get(`/cases/${mainCase}`).expect(403);
      expect(other.pageErrors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});
