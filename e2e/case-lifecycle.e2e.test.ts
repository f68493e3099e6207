// The whole case lifecycle in the browser (issue 3), as the hall's staff work it: the desk registers,
// the window accepts and mediates in the hall (group → deputy director → director's meeting with an
// agreement), the director approves the assignment, the unit signs for it, asks for an extension that
// the director approves, issues its opinion, delivers it, the head signs and seals; the window's review
// fails one criterion and sends it back; the second round passes, the director signs off, and the
// petitioner's rating is recorded. Every step through the buttons the matter's allowedActions show.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, shot, signIn, startHall, type BrowserSession, type Hall } from './harness.ts';

const PASSWORD = 'hall12345';
const HRSS = '市人力资源和社会保障局';

describe('case lifecycle in the browser (R1.13–R1.22, R1.19, satisfaction)', () => {
  let hall: Hall;
  let browser: BrowserSession;
  let page: Page;
  let petitionNo = '';
  let matterId = 0;

  beforeAll(async () => {
    hall = await startHall();
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  // A failed step leaves a picture of the screen it failed on.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await shot(page, `case-failed-step-${task.id}`).catch(() => {});
  });

  const as = async (username: string) => {
    await browser.context.clearCookies();
    await signIn(page, hall.baseUrl, username, PASSWORD);
  };

  const openMatter = async () => {
    await page.goto(`${hall.baseUrl}/matters/${matterId}`);
    await page.locator('[data-testid=matter-state]').waitFor();
  };

  const state = () => page.locator('[data-testid=matter-state]').getAttribute('data-state');

  /** The buttons shown are exactly the actions the server allows this user now. */
  const expectButtonsMatchAllowed = async () => {
    const res = await page.request.get(`${hall.baseUrl}/api/matters/${matterId}`);
    expect(res.status()).toBe(200);
    const allowed = ((await res.json()) as { allowedActions: string[] }).allowedActions;
    const shown = await page
      .locator('[data-testid=matter-actions] [data-testid^=action-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace(/^action-/, '')));
    expect([...shown].sort()).toEqual([...allowed].sort());
  };

  /** Opens an action's dialog, lets `fill` fill it, confirms, and waits for the matter to reach `to`. */
  const act = async (action: string, to: string, fill?: () => Promise<void>) => {
    const button = page.locator(`[data-testid=action-${action}]`);
    try {
      await button.waitFor({ timeout: 10_000 });
    } catch {
      await shot(page, `case-failed-${action}`);
      const res = await page.request.get(`${hall.baseUrl}/api/matters/${matterId}`);
      const body = (await res.json()) as { state?: string; allowedActions?: string[] };
      throw new Error(`no ${action} button; the matter is ${body.state}, allowed: ${body.allowedActions?.join(', ')}`);
    }
    await button.click();
    await page.locator('[data-testid=action-confirm]').waitFor();
    if (fill) await fill();
    const confirm = page.locator('[data-testid=action-confirm]');
    await confirm.click();
    const closed = (ms: number) => confirm.waitFor({ state: 'detached', timeout: ms }).then(() => true, () => false);
    // Under load a click on the dialog's button was once seen to go nowhere (no request, no error, the
    // dialog open and idle): press again only in that state — never while it is sending, never after an error.
    let done = await closed(5_000);
    for (let i = 0; !done && i < 2; i++) {
      if ((await page.locator('[data-testid=action-error]').count()) > 0) break;
      const sending = await confirm.evaluate((el) => el.classList.contains('ant-btn-loading')).catch(() => true);
      if (!sending) await confirm.click().catch(() => undefined);
      done = await closed(10_000);
    }
    if (!done) {
      const alert = await page.locator('[data-testid=action-error]').textContent().catch(() => null);
      await shot(page, `case-failed-${action}`);
      throw new Error(`${action} did not complete${alert ? `: ${alert}` : ''}`);
    }
    await page.locator(`[data-testid=matter-state][data-state=${to}]`).waitFor();
    await expectButtonsMatchAllowed();
  };

  const field = (name: string) => page.locator(`[data-testid=action-field-${name}]`);
  const fill = (name: string, text: string) => field(name).fill(text);
  const radio = (name: string, label: string) => field(name).getByText(label, { exact: true }).click();
  const pick = async (name: string, label: string) => {
    await field(name).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(label, { exact: true }).click();
  };
  const treePick = async (testId: string, search: string, label: string) => {
    await page.locator(`[data-testid=${testId}]`).click();
    await page.locator(`[data-testid=${testId}] input`).fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').getByText(label, { exact: true }).click();
  };

  it('the desk registers a wage-arrears petition, routed to the 市人社局 window (R1.1)', async () => {
    await as('registrar');
    await page.goto(`${hall.baseUrl}/register`);
    await page.locator('[data-testid=reg-idNumber]').fill('11010519491231002X');
    await page.locator('[data-testid=reg-name]').click();
    await page.locator('[data-testid=reg-name]').fill('张三');
    await treePick('reg-category', '劳动', '劳动社保');
    await page.locator('[data-testid=reg-purpose]').getByText('求决', { exact: true }).click();
    await page.locator('[data-testid=reg-summary]').fill('某建筑公司拖欠本人工资三个月共计二万四千元');
    await page.locator('[data-testid=reg-demands]').fill('要求公司支付拖欠的工资');
    await treePick('reg-locality', '苏州', '苏州市');
    await page.locator('[data-testid=reg-units]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(HRSS, { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=reg-rulesAcknowledged]').check();
    await page.locator('[data-testid=reg-submit]').click();
    const no = page.locator('[data-testid=reg-result-petitionNo]');
    await no.waitFor({ timeout: 15_000 });
    petitionNo = (await no.textContent())!.trim();
    expect(petitionNo).toMatch(/^SZ-\d{4}-\d{6}$/);
  });

  it('the window accepts it and mediates: group and deputy-director meetings fail (R1.5, R1.13, R1.14)', async () => {
    await as('reception1');
    await page.goto(`${hall.baseUrl}/reception`);
    await page.getByText(petitionNo, { exact: true }).click();
    await page.locator('[data-testid=matter-state]').waitFor();
    matterId = Number(/\/matters\/(\d+)/.exec(page.url())![1]);
    expect(await state()).toBe('registered');
    await expectButtonsMatchAllowed();

    await act('accept', 'accepted');
    // Accepted: the 15-day disposal deadline runs.
    await page.locator('[data-testid=case-due-dispose]').waitFor();
    await shot(page, 'case-01-accepted');

    await act('startMediation', 'mediating');
    await act('recordMeeting', 'mediating', async () => {
      expect(await field('level').textContent()).toContain('分组调解会议');
      await fill('chair', '郑华');
      await radio('outcome', '未达成一致');
      await fill('summary', '公司称资金困难，双方对支付期限分歧较大，未达成一致。');
    });
    await act('recordMeeting', 'mediating', async () => {
      // A failed meeting escalates one level: the deputy director's meeting is proposed.
      expect(await field('level').textContent()).toContain('分管副主任调解');
      await fill('chair', '孙建国');
      await radio('outcome', '未达成一致');
      await fill('summary', '公司同意分期支付，信访人要求一次付清，仍未达成一致。');
    });
    await page.locator('[data-testid=case-tab-meetings]').click();
    expect(await page.locator('[data-testid=case-meetings] [data-testid=meeting-outcome]').count()).toBe(2);
  });

  it("the director's meeting agrees, with minutes and an assignment proposed to 市人社局 (R1.15, R1.16, R1.17)", async () => {
    await act('recordMeeting', 'assignmentProposed', async () => {
      expect(await field('level').textContent()).toContain('大厅主任会议');
      // Only the current level or one up may be chosen.
      await field('level').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      // Polled: the dropdown's options render in more than one frame.
      await expect.poll(() => options.allTextContents()).toEqual(['分管副主任调解', '大厅主任会议']);
      await options.getByText('大厅主任会议', { exact: true }).click();
      await fill('chair', '陈刚');
      await radio('outcome', '达成一致');
      await pick('unitId', HRSS);
      await fill('summary', '市人社局督促公司于一周内一次性支付拖欠工资。');
    });
    await page.locator('[data-testid=case-tab-documents]').click();
    expect(await page.locator('[data-testid=document-minutes]').textContent()).toMatch(/^SZ纪〔\d{4}〕\d+号$/);
    await shot(page, 'case-02-assignment-proposed');
  });

  it('the director approves; the unit signs for it and asks for 10 more days, which the director grants (R1.18, R1.19)', async () => {
    await as('director');
    await openMatter();
    await expectButtonsMatchAllowed();
    await act('approveAssignment', 'assigned');
    expect(await page.locator('[data-testid=case-unit]').textContent()).toContain(HRSS);
    const firstDue = await page.locator('[data-testid=case-handle-date]').textContent();

    await as('handler1');
    // Unit staff land on their unit's cases.
    await page.locator('[data-testid=unit-cases-table]').waitFor();
    await page.getByText(petitionNo, { exact: true }).waitFor();
    // The unit's list tells its total (issue 9 §2).
    await page.locator('[data-testid=unit-cases-total]').filter({ hasText: /共 \d+ 件/ }).waitFor();
    await shot(page, 'case-03-unit-cases');
    await page.getByText(petitionNo, { exact: true }).click();
    await page.locator('[data-testid=matter-state]').waitFor();
    await expectButtonsMatchAllowed();
    await act('signFor', 'handling');
    await act('requestExtension', 'handling', async () => {
      await fill('days', '10');
      await page.locator('[data-testid=extension-new-due]').waitFor();
      await fill('reason', '涉及公司账户冻结，需会同法院进一步核实。');
    });
    await page.locator('[data-testid=case-extension-pending]').waitFor();
    await shot(page, 'case-04-extension-requested');

    // The director finds the request in the inbox (待办), counted in the navigation.
    await as('director');
    await page.goto(`${hall.baseUrl}/inbox`);
    await page.locator('[data-testid=nav-inbox-count]').waitFor();
    await page.locator(`[data-testid=inbox-item-approvals-${matterId}]`).getByText(petitionNo, { exact: true }).click();
    await page.locator('[data-testid=matter-state]').waitFor();
    expect(page.url()).toContain(`/matters/${matterId}`);
    await act('approveExtension', 'handling', async () => {
      await page.locator('[data-testid=pending-extension]').waitFor();
    });
    await page.locator('[data-testid=case-extension-pending]').waitFor({ state: 'detached' });
    const extendedDue = await page.locator('[data-testid=case-handle-date]').textContent();
    expect(extendedDue! > firstDue!).toBe(true);
    expect(await page.locator('[data-testid=deadline-computation-handle]').textContent()).toContain('延期 10 日');
    await shot(page, 'case-05-extension-approved');
  });

  const handleToReview = async (round: number) => {
    await as('handler1');
    await openMatter();
    await act('issueOpinion', 'opinionIssued', async () => {
      await radio('outcome', '支持');
      await fill('facts', round === 1 ? '经查，该公司确拖欠信访人工资三个月。' : '经补充调取银行流水和考勤记录，查明拖欠工资二万四千元属实。');
      await fill('reasons', '用人单位应当按时足额支付劳动者工资。');
      await fill('basis', '《劳动法》第五十条；《保障农民工工资支付条例》。');
    });
    await act('recordDelivery', 'opinionDelivered', async () => {
      await radio('view', '同意');
    });
    await as('head1');
    await openMatter();
    await act('unitSignOff', 'underReview', async () => {
      await field('sealed').check();
    });
  };

  it('the unit issues its opinion, delivers it (the petitioner agrees), the head signs and seals (R1.21)', async () => {
    await handleToReview(1);
    await page.locator('[data-testid=case-tab-opinions]').click();
    await shot(page, 'case-06-under-review');
  });

  it('the review fails on one criterion and sends the case back for a second round (R1.22)', async () => {
    await as('reception1');
    await openMatter();
    await act('reviewCase', 'handling', async () => {
      await page.locator('[data-testid=action-review-all-pass]').click();
      await radio('criteria-evidenceConclusive-pass', '不通过');
      // A failing criterion needs its note.
      await page.locator('[data-testid=action-outcome]').waitFor();
      await fill('criteria-evidenceConclusive-note', '未附工资支付凭证，拖欠数额证据不足。');
      await shot(page, 'case-07-review-dialog');
    });
    expect(await page.locator('[data-testid=case-round]').textContent()).toContain('第 2 轮');
  });

  it('the second round passes review, the director signs off, and the petitioner rates it (R1.21, R1.22)', async () => {
    await handleToReview(2);
    await as('reception1');
    await openMatter();
    await act('reviewCase', 'awaitingSignOff', async () => {
      await page.locator('[data-testid=action-review-all-pass]').click();
    });
    await page.locator('[data-testid=case-tab-reviews]').click();
    expect(await page.locator('[data-testid=review-1]').getAttribute('data-passed')).toBe('false');
    expect(await page.locator('[data-testid=review-2]').getAttribute('data-passed')).toBe('true');

    await as('director');
    await openMatter();
    await act('signOff', 'closed');

    await as('reception1');
    await openMatter();
    await act('rate', 'closed', async () => {
      await radio('unitRating', '满意');
      await radio('officeRating', '基本满意');
    });
    await page.locator('[data-testid=case-tab-satisfaction]').click();
    expect(await page.locator('[data-testid=satisfaction-rating]').allTextContents()).toEqual(['满意', '基本满意']);
    await shot(page, 'case-08-closed-rated');
  });

  it('prints the numbered assignment letter and handling opinion as official documents (R1.18, R1.21)', async () => {
    await page.locator('[data-testid=case-tab-documents]').click();
    await page.locator('[data-testid=document-assignmentLetter]').click();
    await page.locator('[data-testid=document]').waitFor();
    expect(await page.locator('[data-testid=document-title]').textContent()).toBe('信访事项交办函');
    expect(await page.locator('[data-testid=document-number]').textContent()).toMatch(/^SZ交〔\d{4}〕\d+号$/);
    expect(await page.locator('[data-testid=document-date]').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await page.locator('[data-testid=document]').textContent()).toContain(HRSS);
    expect(await page.locator('[data-testid=document-print]').isVisible()).toBe(true);
    await shot(page, 'case-09-assignment-letter');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid=document-print]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.locator('[data-testid=document-back]').click();
    await page.locator('[data-testid=case-tab-documents]').click();
    const opinions = page.locator('[data-testid=document-handlingOpinion]');
    expect(await opinions.count()).toBe(2);
    await opinions.last().click();
    await page.locator('[data-testid=document]').waitFor();
    expect(await page.locator('[data-testid=document-title]').textContent()).toBe('信访事项处理意见书');
    expect(await page.locator('[data-testid=document]').textContent()).toContain('补充调取银行流水');
    await shot(page, 'case-10-handling-opinion');
  });
});
