import type { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { generateValidIin } from '@app/common';
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

/** `<input type="datetime-local">` value of a moment, in the browser's local time. */
function localInput(date: Date, withTime = true): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
  return withTime ? `${day}T${p(date.getHours())}:${p(date.getMinutes())}` : day;
}

const byId = (id: string) => `[id="${id}"]`;

/** Fills every section the way a citizen would, with one transaction and one suspect. */
async function fillValidForm(page: Page, suspect = '+7 (705) 555-12-34'): Promise<void> {
  const now = new Date();
  await page.fill(byId('reporter.fullName'), 'Айгерім Нұрланқызы Сәрсенбаева');
  await page.fill(byId('reporter.iin'), generateValidIin(new Date(Date.UTC(1990, 2, 8)), 4, 77));
  await page.fill(byId('reporter.phone'), '8 701 123 45 67');
  await page.fill(byId('reporter.email'), 'aigerim@example.kz');
  await page.selectOption(byId('reporter.region'), 'almaty_city');
  await page.check(byId('reporter.ageGroup-senior'));
  await page.selectOption(byId('incident.fraudType'), 'online_purchase');
  await page.selectOption(byId('incident.channel'), 'marketplace');
  await page.fill(byId('incident.occurredAt'), localInput(new Date(now.getTime() - 86_400_000)));
  await page.fill(
    byId('incident.description'),
    'Телефонды маркетплейстен сатып алдым, ақша аудардым, сатушы жауап бермейді.',
  );

  await page.click('#add-transaction');
  await page.fill(byId('transactions[0].paidAt'), localInput(new Date(now.getTime() - 3_600_000)));
  await page.fill(byId('transactions[0].amount'), '150 000,50');
  await page.selectOption(byId('transactions[0].method'), 'card');
  await page.fill(byId('transactions[0].toBank'), 'Halyk Bank');
  await page.fill(byId('transactions[0].toAccount'), '4111 1111 1111 1111');

  await page.click('#add-suspect');
  await page.selectOption(
    byId('suspects[0].type'),
    suspect.startsWith('+') ? 'phone' : 'messenger',
  );
  await page.fill(byId('suspects[0].value'), suspect);
}

describe('web form: a citizen files a report in Kazakh and checks its status', () => {
  let d: TestDeployment;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'webform',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    await d.api.listen(0, '127.0.0.1');
    const { port } = d.api.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ timezoneId: 'Asia/Almaty' });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await d?.close();
  });

  it('submits the form and shows the reference and access code, then the status page', async () => {
    const browserErrors: string[] = [];
    page.on('pageerror', (err) => browserErrors.push(err.message));

    await page.goto(`${base}/?lang=kk`);
    await page.click('button[data-lang="kk"]');
    expect(await page.getAttribute('html', 'lang')).toBe('kk');

    await fillValidForm(page);
    await page.check('#consent');
    await page.click('#submit');

    await page.waitForSelector('#result', { state: 'visible' });
    const reference = (await page.textContent('#result-reference'))?.trim() ?? '';
    const accessCode = (await page.textContent('#result-access-code'))?.trim() ?? '';
    expect(reference).toMatch(/^FR-\d{4}-\d{6}$/);
    expect(accessCode).toMatch(/^[23456789A-HJ-NP-Z]{12}$/);

    const [row] = await d.api
      .get(DataSource)
      .query('SELECT language, age_group, loss_tiyn FROM reports WHERE reference = $1', [
        reference,
      ]);
    expect(row).toEqual({ language: 'kk', age_group: 'senior', loss_tiyn: '15000050' });

    await page.click('#result-status-link');
    await page.waitForURL(/status\.html/);
    expect(await page.inputValue('#reference')).toBe(reference);
    await page.fill('#access-code', accessCode);
    await page.click('#lookup');
    await page.waitForSelector('#report-status', { state: 'visible' });
    expect(await page.getAttribute('#status-value', 'data-status')).toBe('received');
    expect((await page.textContent('#status-value'))?.trim()).not.toBe('');
    expect(await page.textContent('#money-loss')).toMatch(/150[\s\u00a0\u202f]?000[,.]50/);
    expect(await page.locator('#timeline li').count()).toBe(1);
    expect(browserErrors).toEqual([]);
  });

  it('shows a field error the server found next to that field', async () => {
    await page.goto(`${base}/?lang=en`);
    // A handle with a space passes the form's own checks but not the server's.
    await fillValidForm(page, 'fraud seller');
    await page.check('#consent');
    await page.click('#submit');
    const error = page.locator(byId('suspects[0].value-error'));
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())?.trim()).toMatch(/messenger/);
    expect(await page.isVisible('#result')).toBe(false);
  });

  /**
   * The first POST reaches the server (which files the report) but its answer is dropped, as on
   * a flaky connection. Returns the Idempotency-Key the form used for it.
   */
  async function loseNextAnswer(): Promise<() => string> {
    let key = '';
    let dropped = false;
    await page.route('**/api/v1/reports', async (route) => {
      const request = route.request();
      if (dropped || request.method() !== 'POST') return route.continue();
      dropped = true;
      key = request.headers()['idempotency-key'] ?? '';
      await route.fetch();
      await route.abort('failed');
    });
    return () => key;
  }

  async function reportsWithKey(
    key: string,
  ): Promise<Array<{ reference: string; description: string }>> {
    return d.api
      .get(DataSource)
      .query('SELECT reference, description FROM reports WHERE idempotency_key = $1', [key]);
  }

  it('shows the confirmation with the access code when the first answer was lost', async () => {
    await page.goto(`${base}/?lang=en`);
    await fillValidForm(page);
    await page.check('#consent');
    const keyOf = await loseNextAnswer();
    await page.click('#submit');
    await page.waitForSelector('#error-summary', { state: 'visible' });
    expect(await page.isVisible('#result')).toBe(false);
    const [filed] = await reportsWithKey(keyOf());
    expect(filed).toBeDefined();

    await page.click('#submit'); // the citizen tries again: same key, same data
    await page.waitForSelector('#result', { state: 'visible' });
    const reference = (await page.textContent('#result-reference'))?.trim();
    const accessCode = (await page.textContent('#result-access-code'))?.trim() ?? '';
    expect(reference).toBe(filed.reference);
    expect(accessCode).toMatch(/^[23456789A-HJ-NP-Z]{12}$/);
    expect(await page.isVisible('#result-earlier')).toBe(false);
    expect(await reportsWithKey(keyOf())).toHaveLength(1);
    await d
      .http()
      .get(`/api/v1/reports/${reference}/status`)
      .set('X-Access-Code', accessCode)
      .expect(200);
    await page.unroute('**/api/v1/reports');
  });

  it('after a lost answer and an edit, confirms what was filed and says the edit is not in it', async () => {
    await page.goto(`${base}/?lang=en`);
    await fillValidForm(page);
    await page.check('#consent');
    const keyOf = await loseNextAnswer();
    await page.click('#submit');
    await page.waitForSelector('#error-summary', { state: 'visible' });
    const [filed] = await reportsWithKey(keyOf());

    await page.fill(
      byId('incident.description'),
      'I remembered more: the seller also asked for a delivery fee by phone.',
    );
    await page.click('#submit'); // same key, other data: 422, then the form recovers the first
    await page.waitForSelector('#result', { state: 'visible' });
    expect((await page.textContent('#result-reference'))?.trim()).toBe(filed.reference);
    expect(await page.isVisible('#result-earlier')).toBe(true);
    const accessCode = (await page.textContent('#result-access-code'))?.trim() ?? '';
    await d
      .http()
      .get(`/api/v1/reports/${filed.reference}/status`)
      .set('X-Access-Code', accessCode)
      .expect(200);
    const rows = await reportsWithKey(keyOf());
    expect(rows).toEqual([filed]);
    await page.unroute('**/api/v1/reports');
  });

  it('answers a wrong access code on the status page with not found', async () => {
    await page.goto(`${base}/status.html?lang=en&reference=FR-2020-000001`);
    await page.fill('#access-code', 'ABCDEFGHJKMN');
    await page.click('#lookup');
    await page.waitForSelector('#lookup-error:not(:empty)');
    expect(await page.isVisible('#report-status')).toBe(false);
  });
});
