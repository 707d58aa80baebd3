import { mkdtempSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { startDeployment, TestDeployment } from '@app/testing';
import { CONSOLE_CSP } from '../apps/api/src/bootstrap/console-static';

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

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";

/**
 * A stand-in for the built console: a shell with one inline script (which the CSP must block)
 * and one hashed asset that signs in through the session routes, as the real console does.
 */
function consoleFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>console fixture</title>
<script type="module" src="/console/assets/app-3f9a1c2e.js"></script></head>
<body><main><h1>Console</h1><pre id="out">waiting</pre></main>
<script>window.inlineRan = true;</script></body></html>`,
  );
  writeFileSync(
    join(dir, 'assets', 'app-3f9a1c2e.js'),
    `const params = new URLSearchParams(location.search);
const out = document.getElementById('out') ?? document.body;
const json = { 'content-type': 'application/json' };
const run = async () => {
  const signIn = await fetch('/api/v1/auth/session', {
    method: 'POST', headers: json,
    body: JSON.stringify({ email: params.get('email'), password: params.get('password') }),
  });
  const session = await signIn.json();
  const me = await fetch('/api/v1/me');
  const forged = await fetch('/api/v1/auth/session/refresh', { method: 'POST' });
  const refreshed = await fetch('/api/v1/auth/session/refresh', {
    method: 'POST', headers: { 'X-CSRF-Token': session.csrfToken },
  });
  return {
    signIn: signIn.status, me: me.status, forged: forged.status, refreshed: refreshed.status,
    cookieVisible: document.cookie.includes('fraud_session'),
    tokenInBody: 'accessToken' in session,
    inlineRan: window.inlineRan === true,
  };
};
run().then((r) => { out.textContent = JSON.stringify(r); out.dataset.done = '1'; },
  (e) => { out.textContent = 'error ' + e; out.dataset.done = '1'; });
`,
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('console: /console/ served from CONSOLE_DIR with its own CSP', () => {
  let d: TestDeployment;
  let dir: string;

  beforeAll(async () => {
    dir = consoleFixture();
    d = await startDeployment({ label: 'console-static', env: { CONSOLE_DIR: dir } });
  });
  afterAll(async () => d?.close());

  it('has the CSP of the contract, word for word', () => {
    expect(CONSOLE_CSP).toBe(EXPECTED_CSP);
  });

  it('redirects /console to /console/, keeping the query', async () => {
    const res = await d.http().get('/console').expect(301);
    expect(res.headers.location).toBe('/console/');
    const withQuery = await d.http().get('/console?lang=kk').expect(301);
    expect(withQuery.headers.location).toBe('/console/?lang=kk');
  });

  it('serves index.html no-cache with the strict CSP, and falls back to it for client routes', async () => {
    for (const path of [
      '/console/',
      '/console/index.html',
      '/console/cases/123',
      '/console/a/b?x=1',
    ]) {
      const res = await d.http().get(path).expect(200);
      expect([path, res.headers['content-security-policy']]).toEqual([path, EXPECTED_CSP]);
      expect([path, res.headers['cache-control']]).toEqual([path, 'no-cache']);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('console fixture');
      // helmet's other headers stay.
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
    }
  });

  it('serves hashed assets immutable and other files no-cache; a missing asset is a 404, not the shell', async () => {
    const asset = await d.http().get('/console/assets/app-3f9a1c2e.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(EXPECTED_CSP);
    const icon = await d.http().get('/console/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const missing = await d.http().get('/console/assets/app-00000000.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    await d
      .http()
      .get('/console/../package.json')
      .expect((r) => expect(r.status).not.toBe(200));
    await d.http().get('/console/%2e%2e/package.json').expect(404);
    await d.http().get('/console/.env').expect(404);
  });

  it("leaves the citizen pages' headers as they were", async () => {
    const res = await d.http().get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['content-security-policy']).not.toBe(EXPECTED_CSP);
  });

  it('answers a 503 problem while the console is not built', async () => {
    renameSync(join(dir, 'index.html'), join(dir, 'index.html.off'));
    try {
      for (const path of ['/console/', '/console/cases/1', '/console/assets/app-3f9a1c2e.js']) {
        const res = await d.http().get(path).expect(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 503, type: '/problems/console-not-built' });
        expect(res.body.detail).toMatch(/not built/);
        expect(res.text).not.toMatch(/at \w+ \(/); // no stack trace
      }
    } finally {
      renameSync(join(dir, 'index.html.off'), join(dir, 'index.html'));
    }
    await d.http().get('/console/').expect(200);
  });

  it('in a browser: the CSP blocks inline script; the session cookie is invisible to scripts and works with CSRF', async () => {
    await d.api.listen(0, '127.0.0.1');
    const { port } = d.api.getHttpServer().address() as AddressInfo;
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const query = new URLSearchParams({
        email: d.env.BOOTSTRAP_ADMIN_EMAIL,
        password: d.env.BOOTSTRAP_ADMIN_PASSWORD,
      });
      await page.goto(`http://127.0.0.1:${port}/console/cases?${query.toString()}`);
      await page.waitForSelector('#out[data-done="1"]', { timeout: 15_000 });
      const result = JSON.parse((await page.textContent('#out')) ?? '{}') as Record<
        string,
        unknown
      >;
      expect(result).toEqual({
        signIn: 201,
        me: 200,
        forged: 403,
        refreshed: 200,
        cookieVisible: false,
        tokenInBody: false,
        inlineRan: false,
      });
      expect(violations.join('\n')).toMatch(/script-src/);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'fraud_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/v1',
      });
    } finally {
      await browser.close();
    }
  });
});
