import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, startHall, type BrowserSession, type Hall } from './harness.ts';

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
});
