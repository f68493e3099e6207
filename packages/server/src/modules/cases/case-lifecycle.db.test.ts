/**
 * The case lifecycle over HTTP on every dialect (issue 3): mediation R1.13–R1.15, assignment
 * R1.16–R1.18, deadlines and extension R1.19, opinion, review and closing R1.21–R1.22a, review and
 * re-review, satisfaction, transfers R1.8/R1.10, R1.9.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, gb11643CheckChar } from '@hall/domain';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('case lifecycle on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let hrss: number; // 市人力资源和社会保障局
  let housing: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['registrar', 'reception1', 'reception2', 'director', 'deputy', 'handler1', 'head1', 'handler2', 'office', 'countyh', 'countyoffice']) {
      cookies[u] = await t.login(u);
    }
    const units = await t.database.db.selectFrom('unit').select(['id', 'name']).execute();
    hrss = units.find((u) => u.name === '市人力资源和社会保障局')!.id;
    housing = units.find((u) => u.name === '市住房和城乡建设局')!.id;
  });
  afterAll(() => t?.close());

  const get = async (id: number, who = 'reception1') =>
    json(await t.app.inject({ method: 'GET', url: `/api/matters/${id}`, headers: { cookie: cookies[who] } }));

  /** Runs an action with the matter's current version; returns the response. */
  async function act(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const version = (await get(id, who === 'registrar' ? 'office' : who)).version;
    return t.app.inject({ method: 'POST', url: `/api/matters/${id}/actions/${action}`, headers: { cookie: cookies[who] }, payload: { ...body, version } });
  }
  async function ok(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const res = await act(id, who, action, body);
    if (res.statusCode !== 200) throw new Error(`${action} by ${who}: ${res.statusCode} ${res.body}`);
    return json(res);
  }
  async function register(overrides: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { cookie: cookies.registrar },
      payload: { ...(await demoRegistration(t)), ...overrides },
    });
    return json(res).matterId as number;
  }
  async function registerAndAccept(overrides: Record<string, unknown> = {}) {
    const matterId = await register(overrides);
    await ok(matterId, 'reception1', 'accept');
    return matterId;
  }
  const today = () => chinaDate(t.clock.now);
  /** Moves the clock; sessions idle that long have expired, so everyone signs in again. */
  const days = async (n: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + n * 86_400_000);
    for (const u of Object.keys(cookies)) cookies[u] = await t.login(u);
  };
  const allPass = { pass: true, note: '' };
  const criteria = (fail?: string) =>
    Object.fromEntries(
      ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map((k) => [
        k,
        k === fail ? { pass: false, note: '证据不足，需补充调查' } : allPass,
      ]),
    );

  it('accepting opens the 15-day disposal deadline', async () => {
    const id = await registerAndAccept();
    const d = await get(id);
    const dispose = d.case.deadlines.find((x: { kind: string }) => x.kind === 'dispose');
    expect(dispose).toMatchObject({ status: 'active', unit: 'calendarDays', amount: 15 });
    expect(dispose.computation['zh-CN']).toBeTruthy();
  });

  it('R1.13–R1.15: mediation escalates one level at a time; a director’s meeting issues numbered minutes and its agreement goes to assignment', async () => {
    const id = await registerAndAccept();
    await ok(id, 'reception1', 'startMediation');
    const skip = await act(id, 'reception1', 'recordMeeting', {
      level: 'deputyDirector', heldOn: today(), chair: '孙建国', participants: '信访人、市人社局窗口', outcome: 'noAgreement', summary: '未达成一致',
    });
    expect(json(skip)).toMatchObject({ error: 'mediation.startAtGroup', fields: [{ path: 'level' }] });
    await ok(id, 'reception1', 'recordMeeting', {
      level: 'group', heldOn: today(), chair: '郑华', participants: '信访人、市人社局窗口', outcome: 'noAgreement', summary: '分组调解未果',
    });
    const jump = await act(id, 'reception1', 'recordMeeting', {
      level: 'directorMeeting', heldOn: today(), chair: '陈刚', participants: '各窗口', outcome: 'noAgreement', summary: 'x',
    });
    expect(json(jump).error).toBe('mediation.skipsLevel');
    await ok(id, 'reception1', 'recordMeeting', {
      level: 'deputyDirector', heldOn: today(), chair: '孙建国', participants: '信访人、市人社局', outcome: 'noAgreement', summary: '副主任主持调解未果',
    });
    const agreed = await ok(id, 'reception1', 'recordMeeting', {
      level: 'directorMeeting', heldOn: today(), chair: '陈刚', participants: '信访人、市人社局、市住建局', outcome: 'agreement',
      summary: '由市人社局督促企业十日内支付工资', unitId: hrss,
    });
    expect(agreed.state).toBe('assignmentProposed');
    const minutes = agreed.case.documents.find((x: { kind: string }) => x.kind === 'minutes');
    expect(minutes.number).toMatch(/^SZ纪〔2026〕\d+号$/);
    expect(agreed.case.assignments[0]).toMatchObject({ status: 'proposed', origin: 'directorMeeting', unitId: hrss });
    // The director approves: the letter goes out in the hall's name; one week after a mediation agreement (R1.14).
    const assigned = await ok(id, 'director', 'approveAssignment');
    expect(assigned.state).toBe('assigned');
    const handle = assigned.case.deadlines.find((x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active');
    expect(handle).toMatchObject({ ruleId: 'mediationAgreement', amount: 7 });
  });

  it('R1.16–R1.22, 复查/复核: the whole journey to three-level termination, with a failed review and a second round', async () => {
    const id = await registerAndAccept();
    // R1.16: the window proposes; a receptionist cannot approve; the director refuses once, then approves.
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss, note: '属人社局职责' });
    expect((await act(id, 'reception1', 'approveAssignment')).statusCode).toBe(403);
    const refused = await ok(id, 'director', 'refuseAssignment', { reason: '请先补充材料' });
    expect(refused.state).toBe('accepted');
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss });
    const assigned = await ok(id, 'director', 'approveAssignment');
    const letter = assigned.case.documents.find((x: { kind: string }) => x.kind === 'assignmentLetter');
    expect(letter.number).toMatch(/^SZ交〔2026〕\d+号$/);
    expect(letter.content).toMatchObject({ unitName: '市人力资源和社会保障局' });
    const handle = assigned.case.deadlines.find((x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active');
    expect(handle).toMatchObject({ ruleId: 'handle', amount: 60, unit: 'calendarDays' });
    expect(assigned.case.deadlines.find((x: { kind: string }) => x.kind === 'objection')).toMatchObject({ unit: 'workingDays', amount: 5 });

    // R1.18: only the assigned unit sees and acts; it signs for it.
    expect((await t.app.inject({ method: 'GET', url: `/api/matters/${id}`, headers: { cookie: cookies.handler2 } })).statusCode).toBe(403);
    const handlerList = json<{ items: { id: number }[] }>(await t.app.inject({ method: 'GET', url: '/api/matters?scope=all', headers: { cookie: cookies.handler1 } })).items;
    expect(handlerList.map((m) => m.id)).toContain(id);
    expect((await ok(id, 'handler1', 'signFor')).state).toBe('handling');

    // R1.7: the petitioner comes back; the window urges the unit and summons its handler.
    await ok(id, 'reception1', 'urge', { reason: '信访人反映企业仍未支付' });
    await ok(id, 'reception1', 'summonHandler', { summonedFor: '2026-12-02T09:00:00+08:00', note: '请经办人到厅说明' });
    await ok(id, 'reception1', 'supervise', { kind: 'daily', demand: '加快核查', progress: '已约谈企业' });

    // R1.19: 31 days refused, 30 allowed; the director approves; a second extension past the cap is refused.
    const tooLong = await act(id, 'handler1', 'requestExtension', { days: 31, reason: '情况复杂' });
    expect(tooLong.statusCode).toBe(400);
    expect(json(tooLong).error).toBe('deadline.extensionTooLong');
    await ok(id, 'handler1', 'requestExtension', { days: 30, reason: '需调取社保记录' });
    expect((await act(id, 'handler1', 'requestExtension', { days: 5, reason: 'x' })).statusCode).toBe(409); // one pending
    const extended = await ok(id, 'director', 'approveExtension');
    const before = handle.due;
    const after = extended.case.deadlines.find((x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active');
    expect(after.due > before).toBe(true);
    expect(after.extensions).toHaveLength(1);
    expect(extended.case.extensions[0]).toMatchObject({ status: 'approved', days: 30 });
    expect(extended.case.extensions[0].petitionerToldOn).toBeTruthy();
    // R1.19: one extension per deadline: a second request is refused, and nothing is recorded.
    const overCap = await act(id, 'handler1', 'requestExtension', { days: 1, reason: '再延' });
    expect(overCap.statusCode).toBe(400);
    expect(json(overCap).error).toBe('deadline.extensionAlreadyUsed');
    expect((await get(id, 'handler1')).case.extensions).toHaveLength(1);

    // R1.21: opinion, delivery with the petitioner's view, the head's seal.
    const issued = await ok(id, 'handler1', 'issueOpinion', { outcome: 'support', facts: '企业拖欠工资属实', reasons: '依据劳动合同法', basis: '《劳动合同法》第三十条' });
    expect(issued.case.documents.find((x: { kind: string }) => x.kind === 'handlingOpinion').number).toMatch(/^SZ意〔2026〕\d+号$/);
    await ok(id, 'handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today(), signed: true, view: 'agree' });
    expect(json(await act(id, 'head1', 'unitSignOff', { headName: '周强', sealed: false })).error).toBe('opinion.sealRequired');
    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });

    // R1.22: one criterion fails → back to handling, round 2; the second round passes.
    const failedReview = await ok(id, 'reception1', 'reviewCase', { criteria: criteria('evidenceConclusive') });
    expect(failedReview).toMatchObject({ state: 'handling', case: { round: 2 } });
    expect(failedReview.case.reviews[0]).toMatchObject({ passed: false, round: 1 });
    await ok(id, 'handler1', 'issueOpinion', { outcome: 'support', facts: '补充调查：工资台账', reasons: '事实清楚', basis: '《劳动合同法》第三十条' });
    await ok(id, 'handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today(), signed: true, view: 'agree' });
    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    const passed = await ok(id, 'reception1', 'reviewCase', { criteria: criteria() });
    expect(passed.state).toBe('awaitingSignOff');
    expect(passed.allowedActions).toEqual([]); // the window cannot sign off
    expect((await get(id, 'director')).allowedActions).toEqual(['signOff']); // agreed: no "deemed closed"
    const closed = await ok(id, 'director', 'signOff');
    expect(closed.state).toBe('closed');

    // Satisfaction, rated separately for the unit and the office.
    const rated = await ok(id, 'reception1', 'rate', { unitRating: 'satisfied', officeRating: 'basicallySatisfied' });
    expect(rated.case.satisfaction.map((s: { target: string; rating: string }) => `${s.target}:${s.rating}`)).toEqual(['unit:satisfied', 'office:basicallySatisfied']);

    // 复查 within 30 days of the delivery, then 复核, then three-level termination.
    const review = await ok(id, 'reception1', 'requestReview', { organ: '苏州市人民政府', requestedOn: today() });
    expect(review.state).toBe('inReview');
    await ok(id, 'office', 'recordReviewResult', { result: '维持原处理意见' });
    await ok(id, 'reception1', 'requestReReview', { organ: '江苏省人民政府', requestedOn: today() });
    const terminated = await ok(id, 'office', 'recordReReviewResult', { result: '维持复查意见' });
    expect(terminated.state).toBe('terminated');
    expect(terminated.case.higherReviews.map((h: { level: string }) => h.level)).toEqual(['review', 'reReview']);

    // Every step is on the timeline and in the audit trail (besides the audited views of the detail,
    // matter.view, which are not steps: issue 8 §3).
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'matter').where('entity_id', '=', String(id)).where('action', '!=', 'matter.view').execute();
    expect(audit.length).toBe(terminated.timeline.length);

    // R1.9: the same person on the same matter is not accepted again as it is: accepting needs the
    // reason why it is a new matter (new facts and reasons), kept on the record; no-longer-accept stays.
    const again = await register();
    const seen = await get(again);
    expect(seen.facts.sameMatterClosedForGood).toBe(true);
    expect(seen.closedForGoodMatters).toEqual([{ id, petitionNo: terminated.petitionNo, state: 'terminated' }]);
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'noLongerAccept']));
    for (const newMatterReason of [undefined, '', '   ']) {
      const refused = await act(again, 'reception1', 'accept', { reason: '符合受理条件', newMatterReason });
      expect(refused.statusCode).toBe(400);
      expect(json(refused)).toMatchObject({ error: 'matter.sameMatterTerminated', fields: [{ path: 'newMatterReason', message: expect.stringContaining('新的事实和理由') }] });
    }
    expect((await get(again)).state).toBe('registered');
    const accepted = await ok(again, 'reception1', 'accept', { newMatterReason: ' 用人单位又拖欠了今年的工资，系新的事实和理由 ' });
    expect(accepted.state).toBe('accepted');
    expect(accepted.case.notes).toMatchObject([
      { kind: 'newMatterReason', text: '用人单位又拖欠了今年的工资，系新的事实和理由', data: { earlierMatterIds: [id], earlierPetitionNos: [terminated.petitionNo] }, byName: expect.any(String) },
    ]);
    expect(accepted.timeline.at(-1)).toMatchObject({ action: 'accept', note: '用人单位又拖欠了今年的工资，系新的事实和理由' });
    // Recorded as a new matter (new facts and reasons), it is no longer "the same matter" of R1.9: it may be mediated.
    const d = await get(again);
    expect(d.facts.noLongerMediable).toBe(false);
    expect(d.allowedActions).toContain('startMediation');
    // While it was not yet recorded as new, the same matter could not be mediated.
    expect(seen.facts.noLongerMediable).toBe(true);
  });

  it('R1.21: a disagreeing petitioner without a reasonable demand is deemed closed by the director; review must be requested within 30 days', async () => {
    const id = await registerAndAccept({ petitioner: { ...(await demoRegistration(t)).petitioner, name: '王五', idNumber: '440524188001010014' }, localityCode: '320500' });
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss });
    await ok(id, 'director', 'approveAssignment');
    await ok(id, 'handler1', 'signFor');
    await ok(id, 'handler1', 'issueOpinion', { outcome: 'notSupport', facts: '已足额支付', reasons: '诉求无依据', basis: '工资支付凭证' });
    await ok(id, 'handler1', 'recordDelivery', { way: 'post', deliveredOn: today(), signed: false, view: 'disagree' });
    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    await ok(id, 'reception1', 'reviewCase', { criteria: criteria() });
    expect((await get(id, 'director')).allowedActions).toEqual(['deemClosed']);
    expect((await act(id, 'director', 'signOff')).statusCode).toBe(409);
    const deemed = await ok(id, 'director', 'deemClosed', { reason: '无合理诉求' });
    expect(deemed.state).toBe('closedDeemed');
    await days(31);
    expect((await get(id)).allowedActions).not.toContain('requestReview');
    const late = await act(id, 'reception1', 'requestReview', { organ: '苏州市人民政府', requestedOn: today() });
    expect(json(late).error).toBe('review.windowClosed');
  });

  it('R1.18: the unit objects within 5 working days; the hall reassigns with a new letter; after the period no objection', async () => {
    const id = await registerAndAccept({ petitioner: await person(5, '吴十') });
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss });
    await ok(id, 'director', 'approveAssignment');
    expect(json(await act(id, 'handler1', 'object', { reason: '' })).error).toBe('matter.reasonRequired');
    const objected = await ok(id, 'handler1', 'object', { reason: '涉及房屋质量，不属本单位职责' });
    expect(objected.state).toBe('objected');
    const re = await ok(id, 'reception1', 'reassign', { unitId: housing });
    expect(re.state).toBe('assigned');
    expect(re.case.assignedUnit.id).toBe(housing);
    expect(re.case.documents.filter((x: { kind: string }) => x.kind === 'assignmentLetter')).toHaveLength(2);
    await days(10);
    const d = await get(id, 'handler2');
    expect(d.facts.objectionOpen).toBe(false);
    expect(d.allowedActions).toEqual(['signFor']);
  });

  it('R1.8: a skip-level matter is transferred to the county of its locality, which owns the answer; R1.10 needs consent', async () => {
    const countyOnly = await registerAndAccept({ localityCode: '320506', unitIds: [] });
    expect((await get(countyOnly)).allowedActions).toContain('transferToCounty');
    const units = await t.database.db.selectFrom('unit').select(['id', 'name']).execute();
    const wrongCounty = units.find((u) => u.name === '昆山市信访局')!.id;
    expect(json(await act(countyOnly, 'reception1', 'transferToCounty', { unitId: wrongCounty })).error).toBe('transfer.notTheCounty');
    const wuzhong = units.find((u) => u.name === '吴中区信访局')!.id;
    expect((await ok(countyOnly, 'reception1', 'transferToCounty', { unitId: wuzhong, note: '依照条例直转吴中区' })).state).toBe('transferred');

    // The county's petition office opens the matter transferred to it (before the fix: 403) and lists it.
    const opened = await t.app.inject({ method: 'GET', url: `/api/matters/${countyOnly}`, headers: { cookie: cookies.countyoffice } });
    expect(opened.statusCode).toBe(200);
    expect(json(opened).allowedActions).toEqual(['countyReceive']);
    const countyList = async (scope: string) =>
      json(await t.app.inject({ method: 'GET', url: `/api/matters?scope=${scope}`, headers: { cookie: cookies.countyoffice } })).items.map(
        (x: { id: number }) => x.id,
      );
    // Open at the county (本单位案件, 待办) until its answer is recorded.
    expect(await countyList('all')).toContain(countyOnly);
    expect(await countyList('open')).toContain(countyOnly);
    // Another unit, of the same county (its government) or of another county, neither reads nor acts.
    const kunshan = units.find((u) => u.name === '昆山市信访局')!.id;
    const office = await t.database.db.selectFrom('staff_user').selectAll().where('username', '=', 'countyoffice').executeTakeFirstOrThrow();
    const other = await repositories(t.database.db).staff.insert({
      username: 'kunshanoffice',
      display_name: '陆明',
      password_hash: office.password_hash,
      hall_id: office.hall_id,
      window_id: null,
      unit_id: kunshan,
      active: 1,
      created_at: office.created_at,
    });
    await repositories(t.database.db).staff.setRoles(other.id, ['unitHandler']);
    cookies.kunshanoffice = await t.login('kunshanoffice');
    for (const who of ['kunshanoffice', 'countyh', 'handler1']) {
      expect((await get(countyOnly, who)).error, who).toBe('auth.notYourUnit');
      const listedBy = json(await t.app.inject({ method: 'GET', url: '/api/matters?scope=all', headers: { cookie: cookies[who] } }));
      expect(listedBy.items.map((x: { id: number }) => x.id), who).not.toContain(countyOnly);
      const v = (await get(countyOnly, 'office')).version;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/matters/${countyOnly}/actions/countyReceive`,
        headers: { cookie: cookies[who] },
        payload: { version: v },
      });
      expect(res.statusCode, who).toBe(403);
    }
    // The city hall's window cannot record the county's steps.
    expect((await act(countyOnly, 'reception1', 'countyReceive')).statusCode).toBe(403);
    expect((await get(countyOnly)).allowedActions).toEqual([]);

    // The answer waits for the receipt; the receipt is recorded once.
    expect(json(await act(countyOnly, 'countyoffice', 'countyAnswer', { answer: '已答复', answeredOn: today() })).error).toBe('transfer.notReceived');
    const received = await ok(countyOnly, 'countyoffice', 'countyReceive', { note: '已签收，由区信访局负责处理' });
    expect(received.state).toBe('transferred');
    expect(received.allowedActions).toEqual(['countyAnswer']);
    const again = await act(countyOnly, 'countyoffice', 'countyReceive');
    expect([again.statusCode, json(again).error]).toEqual([409, 'transfer.alreadyReceived']);
    // Not answered later than today.
    const tomorrow = chinaDate(new Date(t.clock.now.getTime() + 86_400_000));
    expect(json(await act(countyOnly, 'countyoffice', 'countyAnswer', { answer: '已答复', answeredOn: tomorrow })).error).toBe('transfer.answeredInFuture');
    const answered = await ok(countyOnly, 'countyoffice', 'countyAnswer', { answer: '经核实已协调用人单位支付工资，当面答复信访人', answeredOn: today() });
    expect(answered.allowedActions).toEqual([]);
    expect(await countyList('open')).not.toContain(countyOnly);
    expect(await countyList('all')).toContain(countyOnly);
    expect((await act(countyOnly, 'countyoffice', 'countyAnswer', { answer: '再次答复', answeredOn: today() })).statusCode).toBe(409);

    // The city hall sees the county's receipt and answer on the matter, and in its timeline.
    const seen = await get(countyOnly, 'reception1');
    expect(seen.state).toBe('transferred');
    expect(seen.case.transfers).toHaveLength(1);
    expect(seen.case.transfers[0]).toMatchObject({
      kind: 'county',
      unitName: '吴中区信访局',
      receipt: { note: '已签收，由区信访局负责处理', byName: '沈洁' },
      answer: { text: '经核实已协调用人单位支付工资，当面答复信访人', answeredOn: today(), byName: '沈洁' },
    });
    expect(seen.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['countyReceive', 'countyAnswer']);

    const channel = await registerAndAccept({ petitioner: await person(6, '郑十一') });
    expect(json(await act(channel, 'reception1', 'transferToChannel', { channel: 'arbitration', consent: false })).error).toBe('matter.consentRequired');
    expect((await ok(channel, 'reception1', 'transferToChannel', { channel: 'arbitration', consent: true })).state).toBe('transferred');
  });

  /** Another petitioner, so that R1.9 (same person, same matter) does not apply. */
  const person = async (n: number, name: string) => {
    const body17 = `32050619800101${String(100 + n).padStart(3, '0')}`;
    return { ...(await demoRegistration(t)).petitioner, name, idNumber: body17 + gb11643CheckChar(body17) };
  };

  it('R1.13: the notice of acceptance and deadline is a numbered document', async () => {
    const id = await registerAndAccept({ petitioner: await person(1, '赵六') });
    await ok(id, 'reception1', 'startMediation');
    const d = await ok(id, 'reception1', 'notifyAcceptance', { note: '案件办理期间请勿重复或越级上访' });
    const notice = d.case.documents.find((x: { kind: string }) => x.kind === 'acceptanceNotice');
    expect(notice.number).toMatch(/^SZ受〔\d{4}〕\d+号$/);
    expect(notice.content.due).toBeTruthy();
  });

  it('R1.22a: a leader-reception-day case cannot close without the unit’s special report', async () => {
    const id = await registerAndAccept({ petitioner: await person(2, '钱七') });
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss, origin: 'leaderDay' });
    await ok(id, 'director', 'approveAssignment');
    await ok(id, 'handler1', 'signFor');
    await ok(id, 'handler1', 'issueOpinion', { outcome: 'explain', facts: '政策解释', reasons: '依规定', basis: '相关规定' });
    await ok(id, 'handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today(), signed: true, view: 'agree' });
    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    await ok(id, 'reception1', 'reviewCase', { criteria: criteria() });
    const d = await get(id, 'director');
    expect(d.case.leaderDay).toBe(true);
    expect(d.allowedActions).toEqual([]);
    expect(json(await act(id, 'director', 'signOff')).error).toBe('closing.specialReportMissing');
  });

  it('R1.22a: the special report filed during handling lets the leader-day case close', async () => {
    const id = await registerAndAccept({ petitioner: await person(3, '孙八') });
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss, origin: 'leaderDay' });
    await ok(id, 'director', 'approveAssignment');
    await ok(id, 'handler1', 'signFor');
    expect((await get(id, 'handler1')).allowedActions).toContain('fileSpecialReport');
    await ok(id, 'handler1', 'fileSpecialReport', { report: '专案汇报：已约谈企业并督促支付' });
    await ok(id, 'handler1', 'issueOpinion', { outcome: 'support', facts: '属实', reasons: '依法', basis: '劳动合同法' });
    await ok(id, 'handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today(), signed: true, view: 'agree' });
    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    await ok(id, 'reception1', 'reviewCase', { criteria: criteria() });
    expect((await ok(id, 'director', 'signOff')).state).toBe('closed');
  });

  it('R1.19: a handling deadline reaching into a year with no official holiday notice is provisional and alerts the administrator', async () => {
    t.clock.now = new Date('2027-01-05T02:00:00Z');
    for (const u of Object.keys(cookies)) cookies[u] = await t.login(u);
    const id = await registerAndAccept({ petitioner: await person(4, '周九') });
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss });
    const d = await ok(id, 'director', 'approveAssignment');
    const handle = d.case.deadlines.find((x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active');
    expect(handle.provisional).toBe(true);
    expect(handle.provisionalYears).toEqual([2027]);
    const alerts = await t.database.db.selectFrom('admin_alert').selectAll().where('key', '=', 'calendar.provisional:2027').execute();
    expect(alerts).toHaveLength(1);
  });
});
