// Steps the browser journeys share: signing in (through the page or the HTTP API), calling the API as a
// demo account, waiting for text, picking from antd selects, screenshots from the top of the page.

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Hall, shot, signIn } from './harness.ts';

/** The China calendar day (UTC+8) `days` from now, YYYY-MM-DD: the server's day, whatever the machine's TZ. */
export const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

/** Every demo account's password. */
export const PASSWORD = 'hall12345';

export interface Session {
  cookie: string;
  id: number;
}

/** Signs in through the HTTP API; the session cookie and the user's id. */
export async function apiLogin(hall: Hall, username: string): Promise<Session> {
  const res = await fetch(`${hall.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, id: ((await res.json()) as { id: number }).id };
}

/** One API call as a signed-in account (a session or its cookie); throws with the answer when it is not 2xx. */
export async function apiCall<T>(
  hall: Hall,
  who: Session | string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${hall.baseUrl}/api${path}`, {
    method,
    headers: {
      cookie: typeof who === 'string' ? who : who.cookie,
      'Accept-Language': 'zh-CN',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Signs in through the login page in its own browser context; the page after the redirect. */
export async function signedInPage(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, baseUrl, username, PASSWORD);
  return page;
}

/** A full-page screenshot from the top (else the sticky header is painted where the page was scrolled to). */
export async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)'); // a string: e2e code is typed without the DOM library
  await shot(page, name);
}

/** Waits until the locator's text contains `text` or matches the pattern (polled; no fixed sleep). */
export async function expectText(locator: Locator, text: string | RegExp, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? await locator.first().innerText() : ''), { timeout })
    .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

/**
 * Opens an antd (Tree)Select by its test id, types to search, and picks the visible option titled
 * `title`. The list re-renders while the search filters it, so a click can land on a row that is
 * being replaced: then the option is clicked again (at most three times).
 */
export async function pick(page: Page, testId: string, title: string, opts: { search?: boolean; tree?: boolean } = {}) {
  const select = page.getByTestId(testId);
  const exact = new RegExp(`^${title}$`);
  const option = (
    opts.tree
      ? page.locator('.ant-select-tree-treenode .ant-select-tree-title')
      : page.locator('.ant-select-item-option')
  )
    .filter({ hasText: exact })
    .filter({ visible: true })
    .first();
  const chosen = async () => (await select.innerText()).trim() === title; // the closed select shows the choice
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) {
      await select.click();
      if (opts.search !== false) await select.locator('input').fill(title);
    }
    await option.click();
    try {
      await expect.poll(chosen, { timeout: 5_000 }).toBe(true);
      return;
    } catch (err) {
      if (attempt >= 3) {
        await shot(page, `failed-pick-${testId}`); // to see why
        throw err;
      }
    }
  }
}

/**
 * Opens a page from the header's navigation and waits until the browser is there. The header re-lays
 * out while its count badges arrive (on a loaded machine just after a sign-in): a click that landed
 * while an item moved is clicked again, until `pathname` is reached or 30 s have passed.
 */
export async function openNav(page: Page, key: string, pathname: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.getByTestId(`nav-${key}`).click();
    try {
      await page.waitForURL((u) => u.pathname === pathname, { timeout: 3_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}
