import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, repoRoot, shot, startHall, type BrowserSession, type Hall } from './harness.ts';

describe('smoke: a fresh Hall on embedded SQLite', () => {
  let hall: Hall;
  let browser: BrowserSession;

  beforeAll(async () => {
    hall = await startHall();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('answers GET /api/health with status ok on sqlite', async () => {
    const res = await fetch(`${hall.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
  });

  it('shows the Chinese login page at the home page', async () => {
    const page = await browser.newPage();
    await page.goto(hall.baseUrl);
    try {
      await page.locator('[data-testid=login-username]').waitFor();
    } finally {
      expect(existsSync(await shot(page, 'login'))).toBe(true); // also when the page is wrong, to see why
    }
    expect(await page.locator('body').innerText()).toContain('登录');
  });

  it('the demo installation shows the 演示环境 banner on the sign-in page and in the app (issue 8 §4)', async () => {
    const page = await browser.newPage();
    await page.goto(`${hall.baseUrl}/login`);
    const banner = page.locator('[data-testid=demo-banner]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('演示环境');
    await page.locator('[data-testid=login-username]').fill('registrar');
    await page.locator('[data-testid=login-password]').fill('hall12345');
    await page.locator('[data-testid=login-submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await banner.waitFor();
    expect(existsSync(await shot(page, 'demo-banner'))).toBe(true);
    expect(hall.logs()).toMatch(/演示环境/);
  });

  it('the built web app has no inline script and is served under a strict CSP', async () => {
    const html = readFileSync(join(repoRoot, 'packages/web/dist/index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const res = await fetch(`${hall.baseUrl}/login`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    // Every browser test of this suite (and the others) fails on a violation: see launchBrowser().
    expect(browser.cspViolations()).toEqual([]);
  });

  it('a CSP violation is caught and fails the browser session', async () => {
    const probe = await launchBrowser();
    const page = await probe.newPage();
    await page.goto(`${hall.baseUrl}/login`);
    await page.locator('[data-testid=login-username]').waitFor();
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
    })()`);
    await page.waitForTimeout(200);
    expect(await page.evaluate('typeof window.__inlineRan')).toBe('undefined');
    expect(probe.cspViolations().join('\n')).toMatch(/script-src/);
    await expect(probe.close()).rejects.toThrow(/Content-Security-Policy violations/);
  });
});
