// Helpers for browser journeys: start a real Hall server on a free port with its own data
// directory, drive Debian's chromium with playwright-core, take screenshots, sign in.
//
// The server serves the built web app from packages/web/dist: run `npm run build` first
// (`npm test` and `npm run test:e2e` do).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The repository root (the folder above e2e/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const SERVER_ENTRY = 'packages/server/src/main.ts';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const MAX_LOG_CHARS = 200_000;

export interface Hall {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr), e.g. the demo accounts. */
  logs(): string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Starts `node --import tsx packages/server/src/main.ts` with PORT and a fresh HALL_DATA_DIR
 * (embedded SQLite unless opts.env sets HALL_DATABASE_URL), and waits until GET /api/health
 * answers 200.
 */
export async function startHall(opts: { env?: Record<string, string> } = {}): Promise<Hall> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.HALL_DATABASE_URL; // a developer's shell must not turn the e2e server into a PostgreSQL one
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', HALL_DATA_DIR: dataDir, NO_COLOR: '1' }, opts.env);

  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const capture = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > MAX_LOG_CHARS) output = output.slice(-MAX_LOG_CHARS);
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `Hall server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy.\n` +
          `--- server output ---\n${output}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { baseUrl, dataDir, logs: () => output, stop };
      lastError = `GET /api/health answered ${res.status}: ${await res.text()}`;
    } catch (err) {
      lastError = `GET /api/health failed: ${(err as Error).message}`;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(
    `Hall server not healthy within ${START_TIMEOUT_MS / 1000} s at ${baseUrl} (${lastError}).\n` +
      `--- server output ---\n${output}`,
  );
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Another context of the same browser (its own cookies: a second user), same locale and viewport. */
  newContext(): Promise<BrowserContext>;
  /** Content-Security-Policy violations seen so far, in any page of any context of this browser. */
  cspViolations(): string[];
  /** Closes the browser; throws when a page violated the CSP, so that the suite fails (issue 8 §4). */
  close(): Promise<void>;
}

/**
 * Records every CSP violation of the context's pages: the `securitypolicyviolation` event (reported
 * through an init script, which the page's CSP does not govern) and chromium's console errors.
 */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<BrowserContext> {
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  context.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && /CSP violation|Content Security Policy/i.test(text)) {
      violations.push(`${msg.page()?.url() ?? '?'}: ${text}`);
    }
  });
  return context;
}

const CONTEXT_OPTIONS = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1440, height: 900 },
} as const;

/**
 * Debian's chromium (apt-get install chromium fonts-wqy-microhei), headless, in a Chinese
 * locale at 1440x900. Playwright gives every launch a fresh temporary --user-data-dir.
 * The background-networking flags keep chromium off the network, which this machine does not have.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const violations: string[] = [];
  const context = await watchCsp(await browser.newContext(CONTEXT_OPTIONS), violations);
  return {
    browser,
    context,
    newPage: () => context.newPage(),
    newContext: async () => watchCsp(await browser.newContext(CONTEXT_OPTIONS), violations),
    cspViolations: () => [...violations],
    close: async () => {
      await context.close().catch(() => {});
      await browser.close();
      if (violations.length) {
        throw new Error(`Content-Security-Policy violations:\n${[...new Set(violations)].join('\n')}`);
      }
    },
  };
}

/** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens the login page, signs in, and waits until the app has navigated away from /login. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('[data-testid=login-username]').fill(username);
  await page.locator('[data-testid=login-password]').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
