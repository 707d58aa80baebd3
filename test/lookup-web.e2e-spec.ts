import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startDeployment, submitReport, TestDeployment, validReportBody } from '@app/testing';

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
const SHOTS =
  process.env.SCREENSHOTS === '1'
    ? join(__dirname, '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'lookup-shots-'));
const LOOKUP_LIMIT = 8;
const REPORTED = '8 707 111 22 33';

/**
 * The "check before you pay" page (apps/api/public/lookup.html) in a real Chromium at phone
 * width, in Kazakh, Russian and English: a number with reports, one without, a bad value's field
 * error and the 429 message, each state checked by axe with no violation allowed.
 */
describe('web: the lookup page', () => {
  let d: TestDeployment;
  let browser: Browser;
  let page: Page;
  let base: string;
  const browserErrors: string[] = [];

  async function noAxeViolations(state: string): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze();
    const found = result.violations.map((v) => `${state}: ${v.id} (${v.nodes.length})`);
    expect(found).toEqual([]);
  }

  async function check(type: string, value: string): Promise<void> {
    await page.selectOption('#check-type', type);
    await page.fill('#check-value', value);
    await page.click('#check');
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    d = await startDeployment({
      label: 'lookup-web',
      env: { RATE_LIMIT_LOOKUP_PER_MINUTE: String(LOOKUP_LIMIT) },
    });
    for (const value of [REPORTED, '+77071112233', '87071112233']) {
      await submitReport(
        d,
        validReportBody({ transactions: [], suspects: [{ type: 'phone', value }] }),
      );
    }
    await d.api.listen(0, '127.0.0.1');
    const { port } = d.api.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // A context of its own: axe opens a page in it for its report.
    const context = await browser.newContext({
      timezoneId: 'Asia/Almaty',
      viewport: { width: 375, height: 812 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => browserErrors.push(err.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await d?.close();
    if (process.env.SCREENSHOTS !== '1') rmSync(SHOTS, { recursive: true, force: true });
  });

  const texts = {
    kk: { several: '3-тен 9-ға дейін', none: 'шағым түскен жоқ', bad: 'Телефон нөмірін' },
    ru: { several: 'от 3 до 9 жалоб', none: 'Жалоб на это не поступало', bad: 'Введите номер' },
    en: { several: 'reported 3 to 9 times', none: 'No one has reported it', bad: 'phone' },
  };

  for (const lang of ['kk', 'ru', 'en'] as const) {
    it(`answers in ${lang}: reports, none, a field error`, async () => {
      await page.goto(`${base}/lookup.html?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.title()).not.toContain('doc.');
      await noAxeViolations(`${lang} empty`);

      await check('phone', '+7 (707) 111-22-33');
      await page.waitForSelector('#check-answer', { state: 'visible' });
      expect(await page.textContent('#answer-reports')).toContain(texts[lang].several);
      expect(await page.isVisible('#answer-last')).toBe(true);
      expect(await page.textContent('#answer-heading')).toContain('+77071112233');
      // Focus moves to the answer, so a screen reader reads it.
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
        'answer-heading',
      );
      await noAxeViolations(`${lang} several`);
      await page.screenshot({ path: join(SHOTS, `lookup-${lang}.png`), fullPage: true });

      await check('phone', '8 707 999 00 00');
      await page.waitForSelector(`#answer-reports:has-text("${texts[lang].none}")`);
      expect(await page.isVisible('#answer-last')).toBe(false);
      await noAxeViolations(`${lang} none`);

      await check('phone', '12345');
      await page.waitForSelector('#check-value-error', { state: 'visible' });
      expect(await page.textContent('#check-value-error')).toContain(texts[lang].bad);
      expect(await page.getAttribute('#check-value', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#check-value', 'aria-describedby')).toContain(
        'check-value-error',
      );
      expect(await page.isVisible('#check-answer')).toBe(false);
      await noAxeViolations(`${lang} field error`);
      if (lang === 'ru') {
        await page.screenshot({ path: join(SHOTS, 'lookup-ru-error.png'), fullPage: true });
      }
    });
  }

  it('is linked from the report and status pages, keeping the language', async () => {
    for (const from of ['index.html', 'status.html']) {
      await page.goto(`${base}/${from}?lang=en`);
      const link = page.locator('.service-nav a[href^="lookup.html"]');
      expect(await link.textContent()).toBe('Check a number before you pay');
      await link.click();
      await page.waitForURL(/lookup\.html\?lang=en/);
      expect(await page.getAttribute('.service-nav a[aria-current="page"]', 'href')).toMatch(
        /^lookup\.html/,
      );
    }
  });

  it('shows the 429 as a message once the limit is used up', async () => {
    await page.goto(`${base}/lookup.html?lang=ru`);
    // The lookups above used 6 of the 8; the rest, then one too many.
    for (let i = 0; i < LOOKUP_LIMIT; i += 1) {
      await check('phone', `8 707 555 00 0${i}`);
      await page.waitForSelector('#check-answer:not([hidden]), #check-error:not([hidden])');
      if (await page.isVisible('#check-error')) break;
    }
    await page.waitForSelector('#check-error', { state: 'visible' });
    expect(await page.textContent('#check-error')).toContain('Слишком много проверок');
    expect(await page.isVisible('#check-answer')).toBe(false);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'check-error',
    );
    await noAxeViolations('ru 429');
    await page.screenshot({ path: join(SHOTS, 'lookup-ru-429.png'), fullPage: true });
    expect(browserErrors).toEqual([]);
  });
});
