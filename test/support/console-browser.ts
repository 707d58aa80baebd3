/**
 * Playwright helpers of the staff console suites (test/console-*.e2e-spec.ts): one Debian
 * Chromium per suite, the built console (`npm run console:build` → dist/console) served by the
 * real API of a TestDeployment, sign-in through the real form, axe and phone-width checks and
 * screenshots. Build data through the API (staff helpers), not through the UI.
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import type { TestDeployment } from './test-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built console the suites serve (CONSOLE_DIR of their deployment). */
export const CONSOLE_BUILD_DIR = join(__dirname, '..', '..', 'dist', 'console');

/** A phone (iPhone X/11 Pro) in portrait: every screen must work at this width. */
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * `SCREENSHOTS=1` writes docs/screenshots/console-<screen>.png (the files the README shows);
 * otherwise they go to a scratch directory so a test run leaves the repository as it was.
 */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'console-shots-'));

/** Fails early, with the fix, when the console has not been built. */
export function assertConsoleBuilt(dir = CONSOLE_BUILD_DIR): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`npm run console:build\` first`);
  }
  return dir;
}

/** The env a console deployment needs: the built console and plain-http cookies. */
export function consoleEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { CONSOLE_DIR: assertConsoleBuilt(), COOKIE_SECURE: 'false', ...extra };
}

/** Puts the deployment's API on a free loopback port; returns the console's base URL. */
export async function listenConsole(d: TestDeployment): Promise<string> {
  await d.api.listen(0, '127.0.0.1');
  const { port } = d.api.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}/console/`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Console messages that name the Content-Security-Policy (must stay empty). */
  cspViolations: string[];
  /** Uncaught page errors (must stay empty). */
  pageErrors: string[];
}

/**
 * A fresh browser context (own cookies and storage: a different person on the same browser) with
 * the console's language preset, so label selectors are stable.
 */
export async function newConsolePage(
  browser: Browser,
  opts: { lang?: 'kk' | 'ru' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    locale: opts.lang ?? 'en',
  });
  const lang = opts.lang ?? 'en';
  // Page code as a string: the repo's tsconfig has no DOM types (this runs in the browser).
  await context.addInitScript(
    `if (!localStorage.getItem('console.lang')) localStorage.setItem('console.lang', ${JSON.stringify(lang)});`,
  );
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page, cspViolations, pageErrors };
}

/** Signs in through the console's own form (English labels) and waits for the shell. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
}

/** axe's violations of the page as `id: help (targets)` lines; a test expects `[]`. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** True when the page scrolls sideways (a layout that does not fit the viewport). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  // Charts and tables re-lay out after a viewport change (chart.js through a ResizeObserver),
  // so a page counts as overflowing only if it still does once that has had time to run.
  for (let attempt = 0; ; attempt++) {
    const overflows = await page.evaluate<boolean>(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1',
    );
    if (!overflows || attempt >= 15) return overflows;
    await page.waitForTimeout(200);
  }
}

/**
 * What sticks out sideways: [] when the page fits, else the outermost elements reaching past
 * the viewport ("tag.class width×right: text"), so a failing phone check names its culprit.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  if (!(await overflowsHorizontally(page))) return [];
  return page.evaluate<string[]>(`(() => {
    const limit = document.documentElement.clientWidth + 1;
    const wide = (e) => e.getBoundingClientRect().right > limit;
    return [...document.querySelectorAll('body *')]
      .filter((e) => wide(e) && !(e.parentElement && e.parentElement !== document.body && wide(e.parentElement)))
      .slice(0, 10)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
        return e.tagName.toLowerCase() + cls + ' ' + Math.round(r.width) + '×' + Math.round(r.right) + ': ' + (e.textContent || '').trim().slice(0, 40);
      });
  })()`);
}

/** Writes `console-<name>.png` into SCREENSHOT_DIR; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `console-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** What page scripts can read: document.cookie and every key/value of both storages. */
export function scriptVisibleState(
  page: Page,
): Promise<{ cookie: string; local: string[]; session: string[] }> {
  return page.evaluate(`(() => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => s.key(i) + '=' + s.getItem(s.key(i)));
    return { cookie: document.cookie, local: dump(localStorage), session: dump(sessionStorage) };
  })()`);
}

/** Status of GET path as fetched by the page itself (its cookie, same origin). */
export function fetchStatusInPage(page: Page, path: string): Promise<number> {
  return page.evaluate<number>(`fetch(${JSON.stringify(path)}).then((r) => r.status)`);
}

/** Polls (Playwright's web-first assertions, without @playwright/test) until check passes. */
async function until(
  what: string,
  check: () => Promise<boolean>,
  got: () => Promise<string>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${what}, got ${await got()}`);
}

/** Waits until the locator matches exactly n elements. */
export function expectCount(locator: Locator, n: number): Promise<void> {
  return until(
    `${n} of ${locator.toString()}`,
    async () => (await locator.count()) === n,
    async () => String(await locator.count()),
  );
}

/** Waits until the first match's visible text contains text. */
export function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  const read = async (): Promise<string> =>
    (await locator.count()) ? await locator.first().innerText() : '';
  return until(
    `${locator.toString()} to contain ${String(text)}`,
    async () => {
      const t = await read();
      return typeof text === 'string' ? t.includes(text) : text.test(t);
    },
    async () => JSON.stringify(await read()),
  );
}
