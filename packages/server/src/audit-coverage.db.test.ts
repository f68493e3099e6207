/**
 * Every state-changing operation writes its audit rows (R1.27, issue 8 §2), on every dialect.
 *
 * EXPECTED lists, for every mutating operation of the OpenAPI document (`METHOD path`), the audit
 * actions one successful call writes, in order. The walk below makes one successful call of each
 * (the demo hall, demo accounts) and asserts that exactly those rows appeared, in the same
 * transaction's request (same request id). A mutating route that is not in EXPECTED, or that the
 * walk does not call, fails the suite: a new route must say what it audits.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, gb11643CheckChar } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { createTestApp, demoRegistration, json, type TestApp } from './testing.ts';

const M = (a: string) => `matter.${a}`;
const EXPECTED: Record<string, string[]> = {
  'POST /api/auth/login': ['staff.login'],
  'POST /api/auth/logout': ['staff.logout'],
  'POST /api/auth/password': ['staff.passwordChanged'],

  'POST /api/admin/halls': ['hall.create'],
  'PUT /api/admin/halls/{id}': ['hall.update'],
  'POST /api/admin/windows': ['window.create'],
  'PUT /api/admin/windows/{id}': ['window.update'],
  'POST /api/admin/units': ['unit.create'],
  'PUT /api/admin/units/{id}': ['unit.update'],
  'POST /api/admin/divisions': ['division.create'],
  'PUT /api/admin/divisions/{code}': ['division.update'],
  'POST /api/admin/categories': ['category.create'],
  'PUT /api/admin/categories/{id}': ['category.update'],
  'PUT /api/admin/category-routes': ['categoryRoute.set'],
  'POST /api/admin/staff': ['staff.create'],
  'PUT /api/admin/staff/{id}': ['staff.update'],
  'POST /api/admin/audit/verify': ['audit.verify'],

  'PUT /api/calendar/years/{year}': ['holidayYear.create'],
  'DELETE /api/calendar/years/{year}': ['holidayYear.delete'],

  'POST /api/queue/services': ['queue.service.create'],
  'PUT /api/queue/services/{id}': ['queue.service.update'],
  'PUT /api/queue/priorities': ['queue.priorities.replace'],
  'POST /api/public/halls/{hallCode}/tickets': ['queue.ticket.issue'],
  'POST /api/queue/tickets': ['queue.ticket.issue'],
  'POST /api/queue/window/call-next': ['queue.ticket.call'],
  // Calling a number while serving another ends that one first.
  'POST /api/queue/window/call': ['queue.ticket.end', 'queue.ticket.call'],
  'POST /api/queue/window/present': ['queue.ticket.redirect'],
  'POST /api/queue/tickets/{id}/action': ['queue.ticket.recall'],
  'POST /api/queue/tickets/{id}/transfer': ['queue.ticket.transfer'],

  'POST /api/floor/visits': ['queue.ticket.issue', 'visit.record'],
  'POST /api/floor/disorder/incidents': ['disorder.propose', 'disorder.incident'],
  'POST /api/floor/disorder/{id}/decide': ['disorder.approve'],
  'POST /api/floor/alerts/{id}/ack': ['disorder.alertAck'],

  'POST /api/registrations': ['matter.register'],
  'PUT /api/matters/{id}/reception': ['matter.recordReception'],
  'POST /api/petitioners/{id}/reveal': ['pii.reveal'],

  'POST /api/accountability': ['accountability.propose'],
  'POST /api/accountability/{id}/actions/approve': ['accountability.approve'],
  'POST /api/accountability/{id}/actions/reject': ['accountability.reject'],
  'POST /api/accountability/{id}/actions/sendNotice': ['accountability.sendNotice'],
  'POST /api/accountability/{id}/actions/recordRectification': ['accountability.recordRectification'],
  'POST /api/accountability/{id}/actions/approveInvestigation': ['accountability.approveInvestigation'],
  'POST /api/accountability/{id}/actions/concludeInvestigation': ['accountability.concludeInvestigation'],
};
for (const a of [
  'accept',
  'notAccept',
  'noLongerAccept',
  'directReply',
  'startMediation',
  'recordMeeting',
  'proposeAssignment',
  'refuseAssignment',
  'approveAssignment',
  'signFor',
  'object',
  'reassign',
  'urge',
  'summonHandler',
  'supervise',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'issueOpinion',
  'recordDelivery',
  'unitSignOff',
  'reviewCase',
  'signOff',
  'deemClosed',
  'rate',
  'requestReview',
  'recordReviewResult',
  'requestReReview',
  'recordReReviewResult',
  'transferToChannel',
  'transferToCounty',
  'countyReceive',
  'countyAnswer',
  'notifyAcceptance',
  'fileSpecialReport',
  'recordLegalAid',
]) {
  EXPECTED[`POST /api/matters/{id}/actions/${a}`] = [M(a)];
}

describe.each(testDialects())('every mutating route writes its audit rows on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const exercised = new Set<string>();
  const failures: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of [
      'admin',
      'registrar',
      'reception1',
      'reception2',
      'director',
      'deputy',
      'handler1',
      'head1',
      'office',
      'guide',
      'lead1',
      'inquiry',
      'countyoffice',
    ]) {
      cookies[u] = await t.login(u);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const lastId = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );

  /** One successful call of `key`; asserts exactly the expected audit rows, all of one request. */
  async function step(
    key: string,
    who: string | null,
    method: string,
    url: string,
    payload?: unknown,
    expected = EXPECTED[key],
  ): Promise<LightMyRequestResponse> {
    const before = await lastId();
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: who ? { cookie: cookies[who]! } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (res.statusCode < 200 || res.statusCode > 299) {
      failures.push(`${key} as ${who}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    }
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', before)
      .orderBy('seq')
      .execute();
    const actions = rows.map((r) => r.action);
    if (JSON.stringify(actions) !== JSON.stringify(expected))
      failures.push(`${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actions)}`);
    if (new Set(rows.map((r) => r.request_id)).size > 1)
      failures.push(`${key}: rows of several requests ${JSON.stringify(rows.map((r) => r.request_id))}`);
    if (rows.some((r) => r.request_id === null)) failures.push(`${key}: an audit row without request id`);
    exercised.add(key);
    return res;
  }
  const get = async (url: string, who: string) =>
    json(await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } }));
  const today = () => chinaDate(t.clock.now);

  /** A matter action with the matter's current version. */
  async function act(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const version = (await get(`/api/matters/${id}`, who === 'registrar' ? 'office' : who)).version;
    return json(
      await step(`POST /api/matters/{id}/actions/${action}`, who, 'POST', `/api/matters/${id}/actions/${action}`, {
        ...body,
        version,
      }),
    );
  }
  async function register(overrides: Record<string, unknown> = {}, expected?: string[]) {
    const res = await step(
      'POST /api/registrations',
      'registrar',
      'POST',
      '/api/registrations',
      { ...(await demoRegistration(t)), ...overrides },
      expected,
    );
    return json(res).matterId as number;
  }
  /** Another petitioner each time (R1.9: the same person's same matter is not mediated again). */
  async function person(n: number, name: string) {
    const body17 = `32050619800101${String(200 + n).padStart(3, '0')}`;
    return { ...(await demoRegistration(t)).petitioner, name, idNumber: body17 + gb11643CheckChar(body17) };
  }
  async function registerAndAccept(overrides: Record<string, unknown> = {}) {
    const id = await register(overrides);
    await act(id, 'reception1', 'accept');
    return id;
  }

  it('walks every mutating operation of the OpenAPI document', async () => {
    const db = t.database.db;
    const units = await db.selectFrom('unit').select(['id', 'name']).execute();
    const hrss = units.find((u) => u.name === '市人力资源和社会保障局')!.id;
    const housing = units.find((u) => u.name === '市住房和城乡建设局')!.id;

    // --- Administration
    const hall = json(
      await step('POST /api/admin/halls', 'admin', 'POST', '/api/admin/halls', {
        code: 'WZ',
        name: '吴中区接访大厅',
        kind: 'petition',
      }),
    );
    await step('PUT /api/admin/halls/{id}', 'admin', 'PUT', `/api/admin/halls/${hall.id}`, {
      code: 'WZ',
      name: '吴中区联合接访大厅',
      kind: 'petition',
    });
    const unit = json(
      await step('POST /api/admin/units', 'admin', 'POST', '/api/admin/units', {
        name: '市民政局',
        kind: 'department',
      }),
    );
    await step('PUT /api/admin/units/{id}', 'admin', 'PUT', `/api/admin/units/${unit.id}`, {
      name: '苏州市民政局',
      kind: 'department',
    });
    const win = json(
      await step('POST /api/admin/windows', 'admin', 'POST', '/api/admin/windows', {
        hallId: 1,
        number: 18,
        name: '市民政局窗口',
        kind: 'department',
        unitId: unit.id,
      }),
    );
    await step('PUT /api/admin/windows/{id}', 'admin', 'PUT', `/api/admin/windows/${win.id}`, {
      hallId: 1,
      number: 18,
      name: '民政窗口',
      kind: 'department',
      unitId: unit.id,
    });
    await step('POST /api/admin/divisions', 'admin', 'POST', '/api/admin/divisions', {
      code: '320599',
      name: '测试区',
      level: 'county',
      parentCode: '320500',
    });
    await step('PUT /api/admin/divisions/{code}', 'admin', 'PUT', '/api/admin/divisions/320599', {
      code: '320599',
      name: '测试新区',
      level: 'county',
      parentCode: '320500',
    });
    const cat = json(
      await step('POST /api/admin/categories', 'admin', 'POST', '/api/admin/categories', {
        code: '99',
        name: '测试类别',
      }),
    );
    await step('PUT /api/admin/categories/{id}', 'admin', 'PUT', `/api/admin/categories/${cat.id}`, {
      code: '99',
      name: '测试类别二',
    });
    await step('PUT /api/admin/category-routes', 'admin', 'PUT', '/api/admin/category-routes', {
      hallId: 1,
      categoryId: cat.id,
      windowId: win.id,
    });
    const staff = json(
      await step('POST /api/admin/staff', 'admin', 'POST', '/api/admin/staff', {
        username: 'reception9',
        displayName: '测试',
        hallId: 1,
        windowId: win.id,
        roles: ['receptionist'],
        password: 'welcome2026',
      }),
    );
    await step('PUT /api/admin/staff/{id}', 'admin', 'PUT', `/api/admin/staff/${staff.id}`, {
      displayName: '测试员',
      hallId: 1,
      windowId: win.id,
      roles: ['receptionist'],
      active: true,
    });
    await step('POST /api/admin/audit/verify', 'admin', 'POST', '/api/admin/audit/verify');
    const notice = { source: '国办发明电〔2026〕1号', holidays: ['2027-01-01'], workdays: [] };
    await step('PUT /api/calendar/years/{year}', 'admin', 'PUT', '/api/calendar/years/2027', notice);
    await step('DELETE /api/calendar/years/{year}', 'admin', 'DELETE', '/api/calendar/years/2027');

    // --- Sign-in, password, sign-out (a fresh account)
    await step('POST /api/auth/login', null, 'POST', '/api/auth/login', {
      username: 'reception9',
      password: 'welcome2026',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reception9', password: 'welcome2026' },
    });
    cookies.reception9 = `hall_session=${login.cookies.find((c) => c.name === 'hall_session')!.value}`;
    const pw = await step('POST /api/auth/password', 'reception9', 'POST', '/api/auth/password', {
      currentPassword: 'welcome2026',
      newPassword: 'welcome2027',
    });
    const rotated = pw.cookies.find((c) => c.name === 'hall_session');
    if (rotated?.value) cookies.reception9 = `hall_session=${rotated.value}`;
    await step('POST /api/auth/logout', 'reception9', 'POST', '/api/auth/logout');

    // --- The queue
    const services = await get('/api/queue/services', 'admin');
    const svc = json(
      await step('POST /api/queue/services', 'admin', 'POST', '/api/queue/services', {
        code: 'civil',
        prefix: 'M',
        name: '民政业务',
        kind: 'other',
        opensAt: '00:00',
        closesAt: '24:00',
        dailyMax: 100,
        maxRecalls: 2,
        windowIds: [win.id],
      }),
    );
    await step('PUT /api/queue/services/{id}', 'admin', 'PUT', `/api/queue/services/${svc.id}`, {
      code: 'civil',
      prefix: 'M',
      name: '民政事务',
      kind: 'other',
      opensAt: '00:00',
      closesAt: '24:00',
      dailyMax: 100,
      maxRecalls: 2,
      windowIds: [win.id],
    });
    const priorities = await get('/api/queue/priorities', 'admin');
    await step('PUT /api/queue/priorities', 'admin', 'PUT', '/api/queue/priorities', priorities);

    const w1 = await db.selectFrom('hall_window').select('id').where('number', '=', 1).executeTakeFirstOrThrow();
    const w1Services = await db
      .selectFrom('queue_service_window')
      .select('service_id')
      .where('window_id', '=', w1.id)
      .execute();
    const w1Service = w1Services[0]!.service_id;
    json(
      await step('POST /api/public/halls/{hallCode}/tickets', null, 'POST', '/api/public/halls/SZ/tickets', {
        serviceId: w1Service,
      }),
    );
    const staffTicket = json(
      await step('POST /api/queue/tickets', 'registrar', 'POST', '/api/queue/tickets', { serviceId: w1Service }),
    );
    const called = json(
      await step('POST /api/queue/window/call-next', 'reception1', 'POST', '/api/queue/window/call-next'),
    );
    await step(
      'POST /api/queue/tickets/{id}/action',
      'reception1',
      'POST',
      `/api/queue/tickets/${called.ticket?.id ?? called.id}/action`,
      { action: 'recall' },
    );
    // The window's current ticket must be started before it can call a given number.
    const currentId = called.ticket?.id ?? called.id;
    await t.app.inject({
      method: 'POST',
      url: `/api/queue/tickets/${currentId}/action`,
      headers: { cookie: cookies.reception1! },
      payload: { action: 'start' },
    });
    await step('POST /api/queue/window/call', 'reception1', 'POST', '/api/queue/window/call', {
      number: staffTicket.number,
    });
    const otherService = services.find(
      (s: { id: number; windowIds: number[] }) =>
        s.id !== w1Service && !s.windowIds.includes(w1.id) && s.windowIds.length > 0,
    );
    const elsewhere = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/queue/tickets',
        headers: { cookie: cookies.registrar! },
        payload: { serviceId: otherService.id },
      }),
    );
    await step('POST /api/queue/window/present', 'reception1', 'POST', '/api/queue/window/present', {
      number: elsewhere.number,
    });
    const staffTicketRow = await db
      .selectFrom('queue_ticket')
      .select('id')
      .where('number', '=', staffTicket.number)
      .executeTakeFirstOrThrow();
    await t.app.inject({
      method: 'POST',
      url: `/api/queue/tickets/${staffTicketRow.id}/action`,
      headers: { cookie: cookies.reception1! },
      payload: { action: 'start' },
    });
    await step(
      'POST /api/queue/tickets/{id}/transfer',
      'reception1',
      'POST',
      `/api/queue/tickets/${staffTicketRow.id}/transfer`,
      { serviceId: otherService.id },
    );

    // --- The floor: guide desk, disorder list
    const personId = `32050619800101123${gb11643CheckChar('32050619800101123')}`;
    await step('POST /api/floor/visits', 'guide', 'POST', '/api/floor/visits', {
      purpose: '咨询工资拖欠',
      outcome: 'directed',
      serviceId: w1Service,
      securityCheck: 'passed',
    });
    const incident = json(
      await step('POST /api/floor/disorder/incidents', 'guide', 'POST', '/api/floor/disorder/incidents', {
        personName: '褚十四',
        idType: 'resident',
        idNumber: personId,
        occurredAt: '2026-11-30T01:30:00Z',
        kind: 'blockingWindow',
        description: '堵塞窗口，拒绝离开',
        informed: ['dutyBailiff'],
      }),
    );
    const entry = await get(`/api/floor/disorder/${incident.entryId ?? incident.entry?.id ?? incident.id}`, 'lead1');
    await step('POST /api/floor/disorder/{id}/decide', 'lead1', 'POST', `/api/floor/disorder/${entry.id}/decide`, {
      action: 'approve',
      expiresOn: '2027-06-30',
      version: entry.version,
    });

    // --- Reception and the case lifecycle (each matter its own petitioner: R1.9 does not interfere)
    // A registration of someone on the disorder list also writes the discreet alert (R2.3).
    const first = await register({ petitioner: { ...(await person(0, '褚十四')), idNumber: personId } }, [
      'matter.register',
      'disorder.alert',
    ]);
    const alerts = await get('/api/floor/alerts', 'reception1');
    await step('POST /api/floor/alerts/{id}/ack', 'reception1', 'POST', `/api/floor/alerts/${alerts[0]?.id}/ack`);
    const m1 = await get(`/api/matters/${first}`, 'reception1');
    await step('PUT /api/matters/{id}/reception', 'reception1', 'PUT', `/api/matters/${first}/reception`, {
      visitKind: m1.proposedVisitKind ?? 'first',
      earlierHandling: [],
      version: m1.version,
    });
    await step(
      'POST /api/petitioners/{id}/reveal',
      'reception1',
      'POST',
      `/api/petitioners/${m1.petitioner.id}/reveal`,
      { field: 'phone' },
    );
    await act(first, 'reception1', 'notAccept', { reason: '属于劳动争议', channel: '苏州市劳动人事争议仲裁委员会' });

    const replied = await registerAndAccept({ petitioner: await person(1, '赵六') });
    await act(replied, 'reception1', 'recordLegalAid', { qualifies: true, note: '符合法律援助条件' });
    await act(replied, 'reception1', 'directReply', {
      reply: '已当场答复',
      agrees: true,
      ceases: true,
      signedName: '赵六',
    });
    const noLonger = await register({ petitioner: await person(2, '钱七') });
    await act(noLonger, 'reception1', 'noLongerAccept', { reason: '同一事项已三级终结' });

    const med = await registerAndAccept({ petitioner: await person(3, '孙八') });
    await act(med, 'reception1', 'startMediation');
    await act(med, 'reception1', 'notifyAcceptance', { note: '案件办理期间请勿重复或越级上访' });
    await act(med, 'reception1', 'recordMeeting', {
      level: 'group',
      heldOn: today(),
      chair: '郑华',
      participants: '信访人',
      outcome: 'noAgreement',
      summary: '未果',
    });

    const objected = await registerAndAccept({ petitioner: await person(4, '周九') });
    await act(objected, 'reception1', 'proposeAssignment', { unitId: hrss });
    await act(objected, 'director', 'approveAssignment');
    await act(objected, 'handler1', 'object', { reason: '涉及房屋质量，不属本单位职责' });
    await act(objected, 'reception1', 'reassign', { unitId: housing });

    const id = await registerAndAccept({ petitioner: await person(5, '吴十') });
    await act(id, 'reception1', 'proposeAssignment', { unitId: hrss, note: '属人社局职责', origin: 'leaderDay' });
    await act(id, 'director', 'refuseAssignment', { reason: '请先补充材料' });
    await act(id, 'reception1', 'proposeAssignment', { unitId: hrss, origin: 'leaderDay' });
    await act(id, 'director', 'approveAssignment');
    await act(id, 'handler1', 'signFor');
    await act(id, 'handler1', 'fileSpecialReport', { report: '专案汇报：已约谈企业并督促支付' });
    await act(id, 'reception1', 'urge', { reason: '信访人反映企业仍未支付' });
    await act(id, 'reception1', 'summonHandler', {
      summonedFor: '2026-12-02T09:00:00+08:00',
      note: '请经办人到厅说明',
    });
    await act(id, 'reception1', 'supervise', { kind: 'daily', demand: '加快核查', progress: '已约谈企业' });
    await act(id, 'handler1', 'requestExtension', { days: 30, reason: '需调取社保记录' });
    await act(id, 'director', 'refuseExtension', { reason: '请按期办结' });
    await act(id, 'handler1', 'requestExtension', { days: 30, reason: '需调取社保记录' });
    await act(id, 'director', 'approveExtension');
    await act(id, 'handler1', 'issueOpinion', {
      outcome: 'support',
      facts: '属实',
      reasons: '依法',
      basis: '《劳动合同法》第三十条',
    });
    await act(id, 'handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today(), signed: true, view: 'agree' });
    await act(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    const allPass = { pass: true, note: '' };
    const criteria = Object.fromEntries(
      ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map(
        (k) => [k, allPass],
      ),
    );
    await act(id, 'reception1', 'reviewCase', { criteria });
    await act(id, 'director', 'signOff');
    await act(id, 'reception1', 'rate', { unitRating: 'satisfied', officeRating: 'basicallySatisfied' });
    await act(id, 'reception1', 'requestReview', { organ: '苏州市人民政府', requestedOn: today() });
    await act(id, 'office', 'recordReviewResult', { result: '维持原处理意见' });
    await act(id, 'reception1', 'requestReReview', { organ: '江苏省人民政府', requestedOn: today() });
    await act(id, 'office', 'recordReReviewResult', { result: '维持复查意见' });

    const deemed = await registerAndAccept({ petitioner: await person(6, '郑十一') });
    await act(deemed, 'reception1', 'proposeAssignment', { unitId: hrss });
    await act(deemed, 'director', 'approveAssignment');
    await act(deemed, 'handler1', 'signFor');
    await act(deemed, 'handler1', 'issueOpinion', {
      outcome: 'notSupport',
      facts: '已足额支付',
      reasons: '诉求无依据',
      basis: '工资支付凭证',
    });
    await act(deemed, 'handler1', 'recordDelivery', {
      way: 'post',
      deliveredOn: today(),
      signed: false,
      view: 'disagree',
    });
    await act(deemed, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    await act(deemed, 'reception1', 'reviewCase', { criteria });
    await act(deemed, 'director', 'deemClosed', { reason: '无合理诉求' });

    const channel = await registerAndAccept({ petitioner: await person(7, '王十二') });
    await act(channel, 'reception1', 'transferToChannel', { channel: 'arbitration', consent: true });
    const county = await registerAndAccept({
      petitioner: await person(8, '冯十三'),
      localityCode: '320506',
      unitIds: [],
    });
    const wuzhong = (
      await db.selectFrom('unit').select('id').where('name', '=', '吴中区信访局').executeTakeFirstOrThrow()
    ).id;
    await act(county, 'reception1', 'transferToCounty', { unitId: wuzhong, note: '依照条例直转吴中区' });
    // R1.8: the county's petition office records its receipt and its answer.
    await act(county, 'countyoffice', 'countyReceive', { note: '已签收' });
    await act(county, 'countyoffice', 'countyAnswer', { answer: '已当面答复信访人', answeredOn: today() });

    // Accountability on a case a unit was given.
    const acc = await registerAndAccept({ petitioner: await person(9, '陈十四') });
    await act(acc, 'reception1', 'proposeAssignment', { unitId: hrss });
    await act(acc, 'director', 'approveAssignment');
    await act(acc, 'handler1', 'signFor');
    const proposal = json(
      await step('POST /api/accountability', 'reception1', 'POST', '/api/accountability', {
        matterId: acc,
        trigger: 'wrongHandling',
        reason: '未调查核实即出具意见',
      }),
    );
    const accAct = async (who: string, action: string, body: Record<string, unknown> = {}, target = proposal.id) => {
      const cur = await get(`/api/accountability/${target}`, 'director');
      return step(
        `POST /api/accountability/{id}/actions/${action}`,
        who,
        'POST',
        `/api/accountability/${target}/actions/${action}`,
        { ...body, version: cur.version },
      );
    };
    await accAct('director', 'approve');
    await accAct('inquiry', 'sendNotice', { demands: '自查', rectifyDays: 15 });
    await accAct('inquiry', 'recordRectification', { quality: 'poor', note: '整改不到位' });
    await accAct('director', 'approveInvestigation');
    await accAct('inquiry', 'concludeInvestigation', { findings: '经查属实' });
    const other = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/accountability',
        headers: { cookie: cookies.reception1! },
        payload: { matterId: acc, trigger: 'dereliction', reason: '失职' },
      }),
    );
    await accAct('director', 'reject', { reason: '情节轻微' }, other.id);

    // --- The table matches the OpenAPI document, and every row was walked.
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(
      mutating.filter((k) => !(k in EXPECTED)),
      'mutating routes without an EXPECTED entry',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !mutating.includes(k)),
      'EXPECTED entries that are no route',
    ).toEqual([]);
    expect(failures.join('\n')).toBe('');
    expect(
      Object.keys(EXPECTED).filter((k) => !exercised.has(k)),
      'routes the walk did not call',
    ).toEqual([]);
  });
});
