// The administrator's audit chain screen (issue 8 §2, R1.27): the last verification is shown (the
// daily one runs at start), and "立即校验" runs one, which is recorded, audited and shown.

import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHall, type BrowserSession, type Hall } from './harness.ts';
import { expectText, screen, signedInPage } from './steps.ts';

describe('audit chain verification on the administrator’s screen', () => {
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

  it('shows the last verification and runs one from the screen', { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await signedInPage(context, hall.baseUrl, 'admin');
    await page.goto(`${hall.baseUrl}/admin/audit`);
    const card = page.getByTestId('audit-chain');
    await card.waitFor();
    // The daily verification ran when the server started.
    await expectText(card, '每日自动校验');
    await expectText(page.getByTestId('audit-chain-result'), '审计链完整');

    await page.getByTestId('audit-verify').click();
    await expectText(page.getByTestId('audit-chain-details'), '管理员 · 系统管理员');
    await expectText(page.getByTestId('audit-chain-result'), /已校验 \d+ 条记录/);
    // The verification is itself in the audit log.
    await expectText(page.getByTestId('admin-audit'), '校验审计链');
    await screen(page, 'audit-chain');
    expect(await page.getByTestId('audit-chain-result').innerText()).toContain('审计链完整');
    await context.close();
  });

  it(
    'after tampering in the database file, a verification from the screen names the first broken link and raises an alert',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext();
      const page = await signedInPage(context, hall.baseUrl, 'admin');
      // As someone with the database file: around the triggers, change who signed in first.
      const db = new SQLite(join(hall.dataDir, 'hall.sqlite'));
      try {
        db.exec('drop trigger audit_log_no_update');
        const row = db
          .prepare("select id, seq from audit_log where action = 'staff.login' order by seq limit 1")
          .get() as { id: number; seq: number };
        db.prepare('update audit_log set actor_id = 2 where id = ?').run(row.id);
        db.exec(
          "create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only (UPDATE)'); end",
        );
      } finally {
        db.close();
      }
      await page.goto(`${hall.baseUrl}/admin/audit`);
      await page.getByTestId('audit-chain').waitFor();
      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-chain-result');
      await expectText(result, '审计链断裂');
      await expectText(result, '内容与其哈希不符');
      await expectText(page.getByTestId('audit-chain-details'), '内容被修改');
      await screen(page, 'audit-chain-broken');
      await page.goto(`${hall.baseUrl}/admin/alerts`);
      await expectText(page.getByTestId('admin-alerts'), '审计记录校验未通过');
      await screen(page, 'audit-chain-alert');
      await context.close();
    },
  );
});
