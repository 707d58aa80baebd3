/**
 * The notice choice on the citizen form (docs/notices.md): labelled in each language, checked in
 * the browser (email or both need an email), sent as `reporter.notify`, stored on the report;
 * no accessibility violation at phone width in any state.
 */
import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startDeployment, TestDeployment } from '@app/testing';

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
const SHOTS = join(__dirname, '..', 'test-results', 'notices-web-form');

const byId = (id: string) => `[id="${id}"]`;

function localInput(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** The required fields, no email, no transactions. */
async function fillRequired(page: Page): Promise<void> {
  await page.fill(byId('reporter.fullName'), 'Асель Серикова');
  await page.fill(byId('reporter.phone'), '8 701 765 43 21');
  await page.selectOption(byId('reporter.region'), 'astana');
  await page.selectOption(byId('incident.fraudType'), 'phishing');
  await page.selectOption(byId('incident.channel'), 'sms');
  await page.fill(byId('incident.occurredAt'), localInput(new Date(Date.now() - 86_400_000)));
  await page.fill(
    byId('incident.description'),
    'Пришла SMS со ссылкой на поддельный сайт банка, ввела данные карты.',
  );
  await page.check('#consent');
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect({ state, violations: violations.map((v) => `${v.id}: ${v.help}`) }).toEqual({
    state,
    violations: [],
  });
}

describe('web form: how the citizen wants to be told (reporter.notify)', () => {
  let d: TestDeployment;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    d = await startDeployment({
      label: 'notices-webform',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    await d.api.listen(0, '127.0.0.1');
    const { port } = d.api.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // axe needs a context of our own (it opens a page in it to run).
    const context = await browser.newContext({
      timezoneId: 'Asia/Almaty',
      viewport: { width: 375, height: 812 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await d?.close();
  });

  it('labels the choice in kk, ru and en', async () => {
    const labels: Record<string, string[]> = {
      kk: ['Іс барысы туралы қалай хабарлау керек', 'Телефонға SMS'],
      ru: ['Как сообщать вам о ходе дела', 'SMS на телефон'],
      en: ['How to tell you about progress', 'By SMS to your phone'],
    };
    for (const [lang, [legend, sms]] of Object.entries(labels)) {
      await page.goto(`${base}/?lang=${lang}`);
      await page.click(`button[data-lang="${lang}"]`);
      expect((await page.textContent('[data-i18n="reporter.notify"]'))?.trim()).toBe(legend);
      expect((await page.textContent('label[for="reporter.notify-sms"]'))?.trim()).toBe(sms);
    }
    await expectNoAxeViolations(page, 'empty form, en');
  });

  it('asks for an email when email notices are chosen without one, then files with sms', async () => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/?lang=ru`);
    await fillRequired(page);
    await page.check(byId('reporter.notify-both'));
    await page.click('#submit');
    const error = page.locator(byId('reporter.notify-error'));
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())?.trim()).toContain(
      'Укажите электронную почту или выберите другой способ',
    );
    expect(await page.isVisible('#result')).toBe(false);
    await page.locator(byId('reporter.notify')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'notify-error-375.png') });
    await expectNoAxeViolations(page, 'notify error, ru');

    await page.check(byId('reporter.notify-sms'));
    await page.click('#submit');
    await page.waitForSelector('#result', { state: 'visible' });
    const reference = (await page.textContent('#result-reference'))?.trim() ?? '';
    const [row] = await d.api
      .get(DataSource)
      .query('SELECT notify, reporter_email_enc FROM reports WHERE reference = $1', [reference]);
    expect(row).toEqual({ notify: 'sms', reporter_email_enc: null });
    await expectNoAxeViolations(page, 'filed, ru');
    expect(errors).toEqual([]);
  });

  it('files with the default when nothing is chosen: email when one is given', async () => {
    await page.goto(`${base}/?lang=kk`);
    await fillRequired(page);
    await page.fill(byId('reporter.email'), 'asel@example.kz');
    await page.locator(byId('reporter.notify')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'notify-kk-375.png') });
    await page.click('#submit');
    await page.waitForSelector('#result', { state: 'visible' });
    const reference = (await page.textContent('#result-reference'))?.trim() ?? '';
    const [row] = await d.api
      .get(DataSource)
      .query('SELECT notify FROM reports WHERE reference = $1', [reference]);
    expect(row).toEqual({ notify: 'email' });
  });
});
