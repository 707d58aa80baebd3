import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { CASE_EVENT_TYPES } from '@app/cases';
import { CITIZEN_TIMELINE_CODES } from '@app/common';
import {
  caseOf,
  createStaff,
  recordFreeze,
  ringReport,
  staffClient,
  startDeployment,
  StaffClient,
  SubmittedReport,
  TestDeployment,
  TestStaff,
} from '@app/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** `SCREENSHOTS=1` writes them where the docs show them; otherwise to a scratch directory. */
const SCREENSHOTS =
  process.env.SCREENSHOTS === '1'
    ? join(__dirname, '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'status-shots-'));

/** A machine code as the page must never show one: `case.transitioned`, `in_review`, … */
const CODE_LIKE = /\b[a-z]+(?:[._][a-z]+)+\b/;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000dIHDR fake png body'),
]);

const byId = (id: string) => `[id="${id}"]`;

/** `<input type="datetime-local">` value of a moment, in the browser's local time. */
function localInput(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}` +
    `T${p(date.getHours())}:${p(date.getMinutes())}`
  );
}

describe('status page: the citizen timeline in the page language, statements and files', () => {
  let d: TestDeployment;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let base: string;
  let citizen: StaffClient;
  let investigator: TestStaff;
  /** Filed in Russian; claimed, under investigation, money frozen for it. */
  let report: SubmittedReport;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    d = await startDeployment({
      label: 'statuspage',
      worker: true,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_REFERENCE_PER_WINDOW: '100000' },
    });
    await d.api.listen(0, '127.0.0.1');
    const { port } = d.api.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    citizen = staffClient(d);
    investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });

    // The real path: triage opens the case, an investigator claims it and moves it on, and
    // money is frozen for this report. The note must never reach the citizen.
    report = await ringReport(d);
    const caseId = await caseOf(d, report.id);
    await investigator.api.post(`/cases/${caseId}/claim`).expect(200);
    await investigator.api
      .post(`/cases/${caseId}/notes`, { text: 'internal: suspect is a cousin' })
      .expect(201);
    await investigator.api.post(`/cases/${caseId}/transition`, { to: 'investigating' }).expect(200);
    await recordFreeze(investigator, caseId, '30000.00', { reportId: report.id });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    desktop = await browser.newContext({ timezoneId: 'Asia/Almaty' });
    page = await desktop.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => browserErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await d?.close();
    if (process.env.SCREENSHOTS !== '1') rmSync(SCREENSHOTS, { recursive: true, force: true });
  });

  /** The API's own sentences for the report in `lang`: what the page must show. */
  async function apiMessages(r: SubmittedReport, lang: string): Promise<string[]> {
    const res = await citizen
      .get(`/reports/${r.reference}/status`)
      .query({ lang })
      .set('X-Access-Code', r.accessCode)
      .expect(200);
    return res.body.timeline.map((e: { message: string }) => e.message);
  }

  async function open(p: Page, r: SubmittedReport, lang: string): Promise<void> {
    await p.goto(`${base}/status.html?lang=${lang}&reference=${r.reference}`);
    await p.fill('#access-code', r.accessCode);
    await p.click('#lookup');
    await p.waitForSelector('#report-status', { state: 'visible' });
  }

  async function timelineTexts(p: Page): Promise<string[]> {
    return (await p.locator('#timeline .timeline-message').allTextContents()).map((s) => s.trim());
  }

  /** No code of any kind is visible anywhere on the page, and axe finds nothing. */
  async function checkPage(p: Page, state: string): Promise<void> {
    const text = await p.locator('body').innerText();
    expect({ state, code: CODE_LIKE.exec(text)?.[0] ?? null }).toEqual({ state, code: null });
    for (const code of [...CITIZEN_TIMELINE_CODES, ...CASE_EVENT_TYPES]) {
      expect(text).not.toContain(code);
    }
    expect(text).not.toContain('cousin');
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect({ state, violations: axe.violations.map((v) => `${v.id}: ${v.help}`) }).toEqual({
      state,
      violations: [],
    });
  }

  it('shows a Russian report in Kazakh, then in English after the switch, with the server sentences', async () => {
    await open(page, report, 'kk');
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    const kk = await apiMessages(report, 'kk');
    expect(kk).toHaveLength(5); // received, linked, in review, investigating, frozen
    await page
      .locator('#timeline .timeline-message')
      .nth(kk.length - 1)
      .waitFor();
    expect(await timelineTexts(page)).toEqual(kk);
    expect(await page.getAttribute('#status-value', 'data-status')).toBe('investigating');
    expect(await page.textContent('#money-frozen')).toMatch(/30[\s\u00a0\u202f]?000[,.]00/);
    await checkPage(page, 'kk');
    await page.screenshot({ path: join(SCREENSHOTS, 'status-kk.png'), fullPage: true });

    // The switch asks the API again with ?lang=: the timeline follows the page language.
    const en = await apiMessages(report, 'en');
    await page.click('button[data-lang="en"]');
    await page.locator('#timeline .timeline-message', { hasText: en[0] }).waitFor();
    expect(await timelineTexts(page)).toEqual(en);
    expect(en).toContain('An investigation of your case has started.');
    await checkPage(page, 'en');

    // Two switches in a row: the page ends in the last language, whichever answer came first.
    await page.click('button[data-lang="ru"]');
    await page.click('button[data-lang="kk"]');
    await page.locator('#timeline .timeline-message', { hasText: kk[0] }).waitFor();
    await page.locator('#lookup[aria-busy="false"]').waitFor();
    expect(await timelineTexts(page)).toEqual(kk);

    await open(page, report, 'ru');
    expect(await timelineTexts(page)).toEqual(await apiMessages(report, 'ru'));
    await checkPage(page, 'ru');
    expect(browserErrors).toEqual([]);
  });

  it('adds a statement with a payment and a suspect: client error, server error, then the list', async () => {
    const r = await ringReport(d);
    await open(page, r, 'en');
    expect(await page.isVisible('#statements-empty')).toBe(true);
    expect(await page.isVisible('#evidence-empty')).toBe(true);

    // Nothing at all: the same rule the server applies (text, transactions or suspects).
    await page.click('#statement-submit');
    await page.locator('#statement-text-error').waitFor({ state: 'visible' });

    await page.fill('#statement-text', 'I paid them once more this morning.');
    await page.click('#add-transaction');
    await page.fill(byId('transactions[0].paidAt'), localInput(new Date(Date.now() - 3_600_000)));
    await page.fill(byId('transactions[0].amount'), '12500,555');
    await page.selectOption(byId('transactions[0].method'), 'card');
    await page.fill(byId('transactions[0].toBank'), 'Halyk Bank');
    await page.fill(byId('transactions[0].toAccount'), '4111 1111 1111 1111');
    await page.click('#add-suspect');
    await page.selectOption(byId('suspects[0].type'), 'messenger');
    // A handle with a space passes the page's checks but not the server's.
    await page.fill(byId('suspects[0].value'), 'fraud seller');

    // Client: three decimals is caught by validate.js before anything is sent.
    await page.click('#statement-submit');
    const amountError = page.locator(byId('transactions[0].amount-error'));
    await amountError.waitFor({ state: 'visible' });
    expect(await page.getAttribute(byId('transactions[0].amount'), 'aria-invalid')).toBe('true');
    await checkPage(page, 'client error');
    await page.screenshot({
      path: join(SCREENSHOTS, 'status-statement-errors.png'),
      fullPage: true,
    });

    // Server: the handle comes back as a field error beside its input.
    await page.fill(byId('transactions[0].amount'), '12500,50');
    await page.click('#statement-submit');
    const suspectError = page.locator(byId('suspects[0].value-error'));
    await suspectError.waitFor({ state: 'visible' });
    expect((await suspectError.textContent())?.trim()).toMatch(/messenger/);
    expect(await page.isVisible(byId('transactions[0].amount-error'))).toBe(false);
    await checkPage(page, 'server error');

    await page.fill(byId('suspects[0].value'), '@FraudSellerKz');
    await page.click('#statement-submit');
    await page.waitForSelector('#statements-list .sent-item');
    const sent = await page.locator('#statements-list .sent-item').innerText();
    expect(sent).toContain('I paid them once more this morning.');
    expect(sent).toContain('**** **** **** 1111');
    expect(sent).not.toContain('4111 1111 1111 1111');
    expect(sent).toMatch(/12,500\.50/);
    expect(sent).toContain('fraudsellerkz');
    expect(await page.locator(byId('transactions[0].amount')).count()).toBe(0);

    await page.setInputFiles('#evidence-file', {
      name: 'receipt-1.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.click('#evidence-submit');
    await page.waitForSelector('#evidence-list .sent-item');
    expect(await page.locator('#evidence-list .sent-item').innerText()).toContain('receipt-1.png');
    await page.locator('#timeline .timeline-message').nth(2).waitFor();
    expect(await timelineTexts(page)).toEqual(await apiMessages(r, 'en'));
    await checkPage(page, 'sent');
    await page.screenshot({ path: join(SCREENSHOTS, 'status-sent.png'), fullPage: true });
    expect(browserErrors).toEqual([]);
  });

  it('works at phone width', async () => {
    const phone = await browser.newContext({
      timezoneId: 'Asia/Almaty',
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const p = await phone.newPage();
      await open(p, report, 'ru');
      expect(await timelineTexts(p)).toEqual(await apiMessages(report, 'ru'));
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const width = await p.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(375);
      await p.click('#add-transaction');
      await checkPage(p, 'phone');
      await p.screenshot({ path: join(SCREENSHOTS, 'status-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
