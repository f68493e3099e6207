// The hall floor's queue (issue 4, R2.1) in a real browser: a visitor takes a ticket at the public
// kiosk for 人社业务 (served by window 1), the receptionist of window 1 calls it from the calling
// panel, and the public display board (open before the call) shows the number at window 1; the
// window then recalls, starts and ends the service.
//
// Needs the built web app (`npm run build`) and Debian's chromium (see harness.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, startHall, type BrowserSession, type Hall } from './harness.ts';
import { expectText, openNav, pick, screen, signedInPage } from './steps.ts';

const HALL_CODE = 'SZ';
const HALL_NAME = '苏州市联合接访大厅';
/** The demo seed's service for window 1 (市人社局窗口). */
const SERVICE_PREFIX = 'B';
const SERVICE_NAME = '人社业务';

describe('the queue in the browser (issue 4, R2.1)', () => {
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

  it(
    'R2.1: the kiosk issues a ticket, window 1 calls it, the display board shows it; recall, start, end',
    { timeout: 300_000 },
    async () => {
      // ---- 1. The display board, a public page on the hall's TV: open before anything is called ----
      const tv = await browser.newContext();
      const board = await tv.newPage();
      await board.goto(`${hall.baseUrl}/board/${HALL_CODE}`);
      await expectText(board.getByTestId('board-hall'), HALL_NAME);
      // The stream is connected (no "connection lost" banner) and the waiting counts are listed.
      await expect.poll(() => board.getByTestId('board').getAttribute('data-status'), { timeout: 30_000 }).toBe('open');
      await expectText(board.getByTestId('board-waiting'), SERVICE_NAME);

      // ---- 2. The kiosk: pick 人社业务, take a number --------------------------------------------------
      const kioskContext = await browser.newContext();
      const kiosk = await kioskContext.newPage();
      await kiosk.goto(`${hall.baseUrl}/kiosk/${HALL_CODE}`);
      await expectText(kiosk.getByTestId('kiosk-hall'), HALL_NAME);
      const serviceButton = kiosk.getByTestId(`kiosk-service-${SERVICE_PREFIX}`);
      await expectText(serviceButton, SERVICE_NAME);
      await expectText(serviceButton, '等候 0 人');
      await screen(kiosk, 'queue-kiosk-services');

      await serviceButton.click();
      await expectText(kiosk.getByTestId('kiosk-chosen'), SERVICE_NAME);
      await kiosk.getByTestId('kiosk-priority-elderly').click();
      await screen(kiosk, 'queue-kiosk-options');
      await kiosk.getByTestId('kiosk-take').click();
      const numberCell = kiosk.getByTestId('kiosk-ticket-number');
      await numberCell.waitFor();
      const number = (await numberCell.innerText()).trim();
      expect(number).toMatch(new RegExp(`^${SERVICE_PREFIX}\\d{3}$`));
      await expectText(kiosk.getByTestId('kiosk-ticket'), SERVICE_NAME);
      await expectText(kiosk.getByTestId('kiosk-ticket-ahead'), '前面还有 0 人');
      await expectText(kiosk.getByTestId('kiosk-ticket'), '预计等候约');
      await screen(kiosk, 'queue-kiosk-ticket');
      // The printed slip: the receipt alone, 80 mm wide.
      await kiosk.emulateMedia({ media: 'print' });
      await shot(kiosk, 'queue-kiosk-receipt-print');
      await kiosk.emulateMedia({ media: 'screen' });

      // The board counts the new visitor (its snapshot is refreshed by the stream or by the next call).
      // ---- 3. Window 1 (reception1) calls the next visitor -------------------------------------------
      const windowOne = await browser.newContext();
      const rp = await signedInPage(windowOne, hall.baseUrl, 'reception1');
      await openNav(rp, 'queue-window', '/queue/window');
      await expectText(rp.getByTestId('queue-waiting'), number);
      await expectText(rp.getByTestId('queue-waiting'), '老年人'); // the priority group's tag
      await screen(rp, 'queue-window-waiting');
      await rp.getByTestId('queue-call-next').click();
      await expectText(rp.getByTestId('queue-current-number'), number);
      await expectText(rp.getByTestId('queue-current-status'), '已叫号');

      // ---- 4. The board shows the number at window 1 within a few seconds (pushed over SSE) --------
      await expect
        .poll(
          () =>
            board
              .getByTestId('board-row-1')
              .getAttribute('data-number')
              .catch(() => null),
          { timeout: 5_000 },
        )
        .toBe(number);
      await expectText(board.getByTestId('board-row-1'), '1 号窗口');
      await expectText(board.getByTestId('board-last'), number, 5_000);
      await screen(board, 'queue-board');

      // ---- 5. Recall, start, end --------------------------------------------------------------------
      await rp.getByTestId('queue-action-recall').click();
      await expectText(rp.getByTestId('queue-recall-count'), '已重呼 1/2 次');
      await screen(rp, 'queue-window');
      await rp.getByTestId('queue-action-start').click();
      await expectText(rp.getByTestId('queue-current-status'), '办理中');
      await rp.getByTestId('queue-action-end').click();
      await rp.getByTestId('queue-current-none').waitFor();

      // The board no longer lists the number as current once the service ended (the next snapshot).
      await expect.poll(() => board.getByTestId('board-row-1').count(), { timeout: 10_000 }).toBe(0);
      await expectText(board.getByTestId('board-last'), number);

      await tv.close();
      await kioskContext.close();
      await windowOne.close();
    },
  );

  it(
    'the administrator sees the services and the statistics of the day (the ticket served above)',
    { timeout: 120_000 },
    async () => {
      const adminContext = await browser.newContext();
      const page = await signedInPage(adminContext, hall.baseUrl, 'admin');
      await openNav(page, 'queue-services', '/queue/services');
      const services = page.getByTestId('queue-services');
      await expectText(services, SERVICE_NAME);
      await expectText(services, '1 · 市人社局窗口'); // the window that serves it
      expect(await page.getByTestId('queue-open-kiosk').getAttribute('href')).toBe(`/kiosk/${HALL_CODE}`);
      expect(await page.getByTestId('queue-open-board').getAttribute('href')).toBe(`/board/${HALL_CODE}`);
      await page.getByTestId('queue-priorities').waitFor();
      await screen(page, 'queue-services');

      // Edit a service: 人社业务 allows three recalls from now on.
      await page.getByTestId('queue-service-edit-hrss').click();
      const dialog = page.getByTestId('queue-service-dialog').getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.locator('#maxRecalls').inputValue()).toBe('2');
      await dialog.locator('#maxRecalls').fill('3');
      await shot(page, 'queue-service-dialog');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const hrss = services.locator('.ant-table-row').filter({ hasText: SERVICE_NAME });
      await expect.poll(async () => (await hrss.locator('td').allInnerTexts())[6]).toBe('3');

      await openNav(page, 'queue-stats', '/queue/stats');
      const row = page.getByTestId('queue-stats').locator('.ant-table-row').filter({ hasText: SERVICE_NAME });
      await row.waitFor();
      // 取号 1, 办结 1, 过号 0 for 人社业务 today.
      await expect.poll(async () => (await row.locator('td').allInnerTexts()).slice(2, 5)).toEqual(['1', '1', '0']);
      await page.locator('canvas').first().waitFor();
      await screen(page, 'queue-stats');
      await adminContext.close();
    },
  );

  it(
    'R2.1: registration with 同时取号 issues a ticket for the routed window; another window redirects it; window 1 calls it with the registration',
    { timeout: 180_000 },
    async () => {
      const desk = await browser.newContext();
      const page = await signedInPage(desk, hall.baseUrl, 'registrar');
      await page.goto(`${hall.baseUrl}/register`);
      const idNumber = page.getByTestId('reg-idNumber');
      await idNumber.fill('320506198503150016');
      await idNumber.press('Tab');
      await page.getByTestId('reg-name').fill('赵建国');
      await pick(page, 'reg-category', '劳动社保', { tree: true });
      await expectText(page.getByTestId('reg-window'), '市人社局窗口');
      await page.getByTestId('reg-purpose').getByText('求决', { exact: true }).click();
      await page.getByTestId('reg-summary').fill('工伤认定申请长期未答复');
      await page.getByTestId('reg-demands').fill('要求尽快作出工伤认定');
      await pick(page, 'reg-locality', '苏州市', { tree: true });
      await page.getByTestId('reg-securityCheck').getByText('通过', { exact: true }).click();
      await page.getByTestId('reg-rulesAcknowledged').check();
      await page.getByTestId('reg-issue-ticket').check();
      await page.getByTestId('reg-submit').click();
      await page.getByTestId('reg-result').waitFor();

      const petitionNo = (await page.getByTestId('reg-result-petitionNo').innerText()).trim();
      const ticketCell = page.getByTestId('reg-result-ticket');
      await ticketCell.waitFor();
      const number = (await ticketCell.innerText()).trim();
      expect(number).toMatch(new RegExp(`^${SERVICE_PREFIX}\\d{3}$`));
      await expectText(page.getByTestId('reg-result'), '请到 1 号窗口办理'); // the slip names the routed window
      await page.getByTestId('reg-print-ticket').waitFor();
      await screen(page, 'queue-register-ticket');
      await desk.close();

      // R2.1: at window 2 the visitor presenting this ticket is sent to window 1.
      const windowTwo = await browser.newContext();
      const w2 = await signedInPage(windowTwo, hall.baseUrl, 'reception2');
      await w2.goto(`${hall.baseUrl}/queue/window`);
      await w2.getByTestId('queue-present-input').fill(number.toLowerCase());
      await w2.getByTestId('queue-present').click();
      await expectText(w2.getByTestId('queue-present-result'), `${number} 不在本窗口办理：请到 1 号窗口办理`);
      await screen(w2, 'queue-window-redirect');
      await windowTwo.close();

      // Window 1 sees the ticket waiting, marked as its own (only this window calls it); calling it
      // opens the visitor's registration (R2.1 → R1.1).
      const windowOne = await browser.newContext();
      const rp = await signedInPage(windowOne, hall.baseUrl, 'reception1');
      await rp.goto(`${hall.baseUrl}/queue/window`);
      const row = rp.getByTestId('queue-waiting').locator('.ant-table-row').filter({ hasText: number });
      await expectText(row, '指定本窗口');
      await rp.getByTestId('queue-call-next').click();
      await expectText(rp.getByTestId('queue-current-number'), number);
      await expectText(rp.getByTestId('queue-visitor'), petitionNo);
      await expectText(rp.getByTestId('queue-visitor'), '赵建国');
      await rp.mouse.move(0, 0); // no tooltip over the screenshot
      await screen(rp, 'queue-window-visitor');
      await windowOne.close();
    },
  );

  // Last: it stops the server.
  it('the display board says clearly when the server cannot be reached', { timeout: 120_000 }, async () => {
    const tv = await browser.newContext();
    const board = await tv.newPage();
    await board.goto(`${hall.baseUrl}/board/${HALL_CODE}`);
    await expect.poll(() => board.getByTestId('board').getAttribute('data-status'), { timeout: 30_000 }).toBe('open');
    await hall.stop();
    await expectText(board.getByTestId('board-disconnected'), '与服务器的连接已中断，正在重连');
    await expect.poll(() => board.getByTestId('board').getAttribute('data-status')).toBe('lost');
    await screen(board, 'queue-board-disconnected');
    await tv.close();
  });
});
