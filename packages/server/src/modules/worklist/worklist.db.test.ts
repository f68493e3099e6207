/**
 * Work lists over HTTP on every dialect: supervision due / overdue / missed (R1.20), each role's inbox
 * (issue 3: approvals, sign-for, handling, opinion sign-off, reviews, sign-off, supervision, overdue
 * cases, accountability proposals), urges counted per unit (R1.7), and no per-case query storms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, InboxCategoryKey, SupervisionCase, SupervisionDue, UnitUrges } from '@hall/contracts';
import { type Role, permissionsOf } from '@hall/domain';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import type { Ctx } from '../../context.ts';
import { newMatter } from '../../factories.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';
import { WorklistService } from './worklist.service.ts';

const USERS = [
  'registrar',
  'reception1',
  'reception2',
  'lead1',
  'director',
  'deputy',
  'handler1',
  'head1',
  'handler2',
  'office',
];

describe.each(testDialects())('work lists on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let hrss: number; // 市人力资源和社会保障局
  let housing: number; // 市住房和城乡建设局
  let window1: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of USERS) cookies[u] = await t.login(u);
    const units = await t.database.db.selectFrom('unit').select(['id', 'name']).execute();
    hrss = units.find((u) => u.name === '市人力资源和社会保障局')!.id;
    housing = units.find((u) => u.name === '市住房和城乡建设局')!.id;
    window1 = (
      await t.database.db.selectFrom('hall_window').select('id').where('number', '=', 1).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t?.close());

  const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  const matter = async (id: number, who = 'director') => json(await get(`/api/matters/${id}`, who));
  async function act(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const { version } = await matter(id);
    return t.app.inject({
      method: 'POST',
      url: `/api/matters/${id}/actions/${action}`,
      headers: { cookie: cookies[who] },
      payload: { ...body, version },
    });
  }
  async function ok(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const res = await act(id, who, action, body);
    if (res.statusCode !== 200) throw new Error(`${action} by ${who}: ${res.statusCode} ${res.body}`);
    return json(res);
  }
  async function register() {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { cookie: cookies.registrar },
      payload: await demoRegistration(t),
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return json(res).matterId as number;
  }
  /** A case of window 1 proposed for assignment to `unitId` (R1.16), made by the factory at the clock's time. */
  const proposed = async (unitId = hrss, limitDays?: number) =>
    (await newMatter(t, { state: 'assignmentProposed', unitId, limitDays })).id;
  /** Assigned to `unitId` and signed for by it, today (R1.18): in the unit's hands. */
  const handling = async (unitId = hrss, limitDays?: number) =>
    (await newMatter(t, { state: 'handling', unitId, limitDays })).id;
  /** Sets the clock (China time is UTC+8) and signs everyone in again: idle sessions have expired. */
  async function clock(iso: string) {
    const next = new Date(iso);
    expect(next.getTime()).toBeGreaterThanOrEqual(t.clock.now.getTime());
    t.clock.now = next;
    for (const u of USERS) cookies[u] = await t.login(u);
  }
  const inbox = async (who: string) => {
    const res = await get('/api/inbox', who);
    expect(res.statusCode).toBe(200);
    return json<Inbox>(res);
  };
  const category = (i: Inbox, key: InboxCategoryKey) => i.categories.find((c) => c.key === key);
  const idsIn = (i: Inbox, key: InboxCategoryKey) => category(i, key)?.items.map((x) => x.matterId) ?? [];
  const due = async (who: string, query = '') => {
    const res = await get(`/api/supervision/due${query}`, who);
    expect(res.statusCode).toBe(200);
    return json<SupervisionDue>(res);
  };
  const caseIn = (d: SupervisionDue, id: number) => d.cases.find((c) => c.matterId === id);
  const kind = (c: SupervisionCase, k: 'daily' | 'weekly' | 'monthly') => c.kinds.find((x) => x.kind === k)!;

  it('inbox: a registered visitor waits on the receptionist, a proposal on the director, an assignment on the unit (R1.5, R1.16, R1.18)', async () => {
    const id = await register();
    const r1 = await inbox('reception1');
    expect(idsIn(r1, 'reception')).toContain(id);
    expect(category(r1, 'reception')!.items.find((x) => x.matterId === id)!.actions).toContain('accept');
    expect(idsIn(await inbox('reception2'), 'reception')).not.toContain(id);
    const director = await inbox('director');
    expect(director.categories.map((c) => c.key)).toEqual(['approvals', 'signOff', 'accountability', 'overdue']);
    expect(category(director, 'approvals')!.items.map((x) => x.matterId)).not.toContain(id);

    await ok(id, 'reception1', 'accept');
    expect(idsIn(await inbox('reception1'), 'reception')).not.toContain(id);
    await ok(id, 'reception1', 'proposeAssignment', { unitId: hrss });
    for (const who of ['director', 'deputy']) {
      const i = await inbox(who);
      const item = category(i, 'approvals')!.items.find((x) => x.matterId === id)!;
      expect(item.actions).toEqual(expect.arrayContaining(['approveAssignment', 'refuseAssignment']));
      expect(item.since).toBe(t.clock.now.toISOString());
      expect(category(i, 'approvals')!.count).toBeGreaterThanOrEqual(1);
      expect(i.total).toBe(i.categories.reduce((n, c) => n + c.count, 0));
    }
    expect(category(await inbox('reception1'), 'approvals')).toBeUndefined();

    await ok(id, 'director', 'approveAssignment');
    expect(idsIn(await inbox('director'), 'approvals')).not.toContain(id);
    const h1 = await inbox('handler1');
    const signFor = category(h1, 'signFor')!.items.find((x) => x.matterId === id)!;
    const detail = await matter(id, 'handler1');
    const objection = detail.case.deadlines.find((d: { kind: string }) => d.kind === 'objection');
    expect(signFor.due).toBe(objection.due);
    // The inbox reads the workflow table with the same facts as the case itself.
    expect([...signFor.actions].sort()).toEqual([...detail.allowedActions].sort());
    expect(signFor.actions).toEqual(expect.arrayContaining(['signFor', 'object']));
    expect(idsIn(await inbox('head1'), 'signFor')).toContain(id);
    expect(idsIn(await inbox('handler2'), 'signFor')).not.toContain(id);

    await ok(id, 'handler1', 'signFor');
    const after = await inbox('handler1');
    expect(idsIn(after, 'signFor')).not.toContain(id);
    const toHandle = category(after, 'toHandle')!.items.find((x) => x.matterId === id)!;
    expect(toHandle.due).toBe(detail.case.deadlines.find((d: { kind: string }) => d.kind === 'handle').due);
  });

  it('R1.20: daily, weekly and monthly supervision are scheduled from the assignment; due today, done, missed and overdue show up', async () => {
    // Assigned and signed for on Monday 2026-11-30 (the test clock's first day).
    const id = await handling();
    const day0 = await due('reception1');
    const c0 = caseIn(day0, id)!;
    expect(day0.today).toBe('2026-11-30');
    expect(c0).toMatchObject({
      assignedOn: '2026-11-30',
      state: 'handling',
      dueToday: [],
      overdue: [],
      missed: 0,
      nextDue: '2026-12-01',
      unitId: hrss,
    });
    expect([kind(c0, 'daily').nextDue, kind(c0, 'weekly').nextDue, kind(c0, 'monthly').nextDue]).toEqual([
      '2026-12-01',
      '2026-12-07',
      '2026-12-30',
    ]);
    expect(c0.handleDue).toBeTruthy();

    // Scope: the assigning window, the group lead and the hall's readers; the unit sees its own case; other windows and units do not.
    for (const who of ['lead1', 'director', 'office', 'handler1'])
      expect(caseIn(await due(who), id), who).toBeDefined();
    for (const who of ['reception2', 'handler2']) expect(caseIn(await due(who), id), who).toBeUndefined();
    const other = await get(`/api/supervision/due?windowId=${window1}`, 'reception2');
    expect(other.statusCode).toBe(403);
    expect(json(other).error).toBe('auth.notYourWindow');
    expect(caseIn(await due('lead1', `?windowId=${window1}`), id)).toBeDefined();
    expect((await get('/api/supervision/due', 'registrar')).statusCode).toBe(403);

    // Tuesday: the first daily tracking is due, for the window and the group lead.
    await clock('2026-12-01T02:00:00Z');
    const c1 = caseIn(await due('reception1'), id)!;
    expect(c1).toMatchObject({ dueToday: ['daily'], overdue: [], missed: 0, nextDue: '2026-12-01' });
    for (const who of ['reception1', 'lead1']) {
      const item = category(await inbox(who), 'supervision')!.items.find((x) => x.matterId === id);
      expect(item, who).toMatchObject({ due: '2026-12-01', supervision: { dueToday: ['daily'], overdue: [] } });
      expect(item!.actions).toContain('supervise');
    }
    expect(idsIn(await inbox('reception2'), 'supervision')).not.toContain(id);
    expect(category(await inbox('director'), 'supervision')).toBeUndefined(); // the director does not supervise

    // Recording the act (time, demand, progress) does it.
    const recorded = await ok(id, 'reception1', 'supervise', {
      kind: 'daily',
      demand: '请于本周内核实欠薪金额',
      progress: '单位已约谈企业负责人',
    });
    expect(recorded.case.supervision.at(-1)).toMatchObject({
      kind: 'daily',
      onDate: '2026-12-01',
      demand: '请于本周内核实欠薪金额',
    });
    const c2 = caseIn(await due('reception1'), id)!;
    expect(c2).toMatchObject({ dueToday: [], missed: 0, nextDue: '2026-12-02' });
    expect(kind(c2, 'daily')).toMatchObject({ done: 1, due: 1, lastDoneOn: '2026-12-01' });
    expect(idsIn(await inbox('reception1'), 'supervision')).not.toContain(id);

    // The next Tuesday: four daily trackings missed (12-02…12-04, 12-07), today's due, the weekly callback of Monday overdue.
    await clock('2026-12-08T02:00:00Z');
    const d8 = await due('reception1');
    const c8 = caseIn(d8, id)!;
    expect(c8).toMatchObject({ dueToday: ['daily'], overdue: ['weekly'], missed: 4 });
    expect(kind(c8, 'weekly')).toMatchObject({ overdueSince: '2026-12-07', missed: 0, nextDue: '2026-12-07' });
    expect(kind(c8, 'daily')).toMatchObject({ missed: 4, done: 1, due: 6 });
    expect(d8.cases[0].overdue.length).toBeGreaterThan(0); // overdue first
    expect(d8.totals.overdue).toBeGreaterThanOrEqual(1);
    expect(d8.totals.missed).toBeGreaterThanOrEqual(4);
    const item = category(await inbox('reception1'), 'supervision')!.items.find((x) => x.matterId === id)!;
    expect(item).toMatchObject({ due: '2026-12-07', supervision: { dueToday: ['daily'], overdue: ['weekly'] } });

    // A late callback within the week still counts.
    await ok(id, 'lead1', 'supervise', { kind: 'weekly', demand: '回访信访人', progress: '信访人表示企业已支付一半' });
    const c9 = caseIn(await due('reception1'), id)!;
    expect(c9).toMatchObject({ overdue: [], dueToday: ['daily'], missed: 4 });
    expect(kind(c9, 'weekly')).toMatchObject({ done: 1, overdueSince: null, nextDue: '2026-12-14' });
  });

  it('inbox: overdue cases, extension requests, the opinion, its sign-off, the review and the final sign-off each wait on the right person (R1.19–R1.22)', async () => {
    // Assigned on 12-08 with a one-day limit: due 12-09, overdue from 12-10.
    const id = await handling(hrss, 1);
    expect(idsIn(await inbox('director'), 'overdue')).not.toContain(id);
    await clock('2026-12-10T02:00:00Z');
    for (const who of ['director', 'office', 'reception1', 'lead1', 'handler1']) {
      const item = category(await inbox(who), 'overdue')?.items.find((x) => x.matterId === id);
      expect(item, who).toMatchObject({ due: '2026-12-09' });
    }
    for (const who of ['reception2', 'handler2']) expect(idsIn(await inbox(who), 'overdue'), who).not.toContain(id);

    await ok(id, 'handler1', 'requestExtension', { days: 10, reason: '需调取社保记录' });
    const ext = category(await inbox('deputy'), 'approvals')!.items.find((x) => x.matterId === id)!;
    expect(ext.actions).toEqual(expect.arrayContaining(['approveExtension', 'refuseExtension']));
    expect(ext.since).toBe(t.clock.now.toISOString());
    await ok(id, 'director', 'refuseExtension', { reason: '请按期办结' });
    expect(idsIn(await inbox('director'), 'approvals')).not.toContain(id);

    await ok(id, 'handler1', 'issueOpinion', {
      outcome: 'support',
      facts: '企业拖欠工资属实',
      reasons: '依据劳动合同法',
      basis: '《劳动合同法》第三十条',
    });
    const h1 = await inbox('handler1');
    expect(category(h1, 'toHandle')!.items.find((x) => x.matterId === id)!.actions).toContain('recordDelivery');
    expect(idsIn(h1, 'overdue')).not.toContain(id); // the opinion met the deadline's purpose: it is closed
    await ok(id, 'handler1', 'recordDelivery', {
      way: 'inPerson',
      deliveredOn: '2026-12-10',
      signed: true,
      view: 'agree',
    });
    expect(idsIn(await inbox('head1'), 'opinionSignOff')).toContain(id);
    expect(category(await inbox('handler1'), 'opinionSignOff')).toBeUndefined();
    expect(idsIn(await inbox('handler1'), 'toHandle')).not.toContain(id);

    await ok(id, 'head1', 'unitSignOff', { headName: '周强', sealed: true });
    expect(idsIn(await inbox('reception1'), 'reviews')).toContain(id);
    expect(idsIn(await inbox('lead1'), 'reviews')).toContain(id);
    expect(idsIn(await inbox('reception2'), 'reviews')).not.toContain(id);

    const pass = { pass: true, note: '' };
    const criteria = Object.fromEntries(
      ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map(
        (k) => [k, pass],
      ),
    );
    await ok(id, 'reception1', 'reviewCase', { criteria });
    const director = await inbox('director');
    const signOff = category(director, 'signOff')!.items.find((x) => x.matterId === id)!;
    expect(signOff.actions).toContain('signOff');
    expect([...signOff.actions].sort()).toEqual([...(await matter(id, 'director')).allowedActions].sort());
    expect(idsIn(await inbox('reception1'), 'reviews')).not.toContain(id);
  });

  it('R1.23: accountability proposals wait on the director and deputies; only those still proposed count', async () => {
    const id = await handling();
    const cases = repositories(t.database.db).cases;
    const hallId = (await t.database.db.selectFrom('hall').select('id').executeTakeFirstOrThrow()).id;
    const base = {
      hall_id: hallId,
      matter_id: id,
      unit_id: hrss,
      trigger: 'overdue',
      source_key: null,
      rectify_due: null,
      created_at: t.clock.now.toISOString(),
      created_by: null,
    };
    const proposal = await cases.insertAccountability({ ...base, state: 'proposed', reason: '逾期未办结' });
    await cases.insertAccountability({ ...base, state: 'approved', reason: '已批准' });
    const stillProposed = (
      await t.database.db.selectFrom('accountability').select('id').where('state', '=', 'proposed').execute()
    ).length;
    for (const who of ['director', 'deputy']) {
      const c = category(await inbox(who), 'accountability')!;
      expect(c.count, who).toBe(stillProposed);
      expect(c.items.find((x) => x.accountabilityId === proposal.id)).toMatchObject({
        matterId: id,
        unitName: '市人力资源和社会保障局',
      });
    }
    expect(category(await inbox('reception1'), 'accountability')).toBeUndefined();
  });

  it('R1.7: urges are counted per unit; unit staff see their own unit’s urges with text and case number', async () => {
    const a = await handling();
    const b = await handling(housing);
    await ok(a, 'reception1', 'urge', { reason: '信访人再次来访，催促尽快办理' });
    await ok(a, 'reception1', 'urge', { reason: '二次催办' });
    await ok(b, 'reception1', 'urge', { reason: '催办住建局' });
    const petitionNo = (await matter(a)).petitionNo;
    const countOf = (u: UnitUrges, unitId: number) => u.units.find((x) => x.unitId === unitId)?.count ?? 0;
    const listed = (u: UnitUrges, matterId: number) => u.urges.filter((x) => x.matterId === matterId);

    const director = json<UnitUrges>(await get('/api/units/urges', 'director'));
    const before = { hrss: countOf(director, hrss), housing: countOf(director, housing) };
    expect(before.hrss).toBeGreaterThanOrEqual(2);
    expect(before.housing).toBeGreaterThanOrEqual(1);
    expect(director.units[0].count).toBeGreaterThanOrEqual(director.units.at(-1)!.count); // most urged first

    const h1 = json<UnitUrges>(await get('/api/units/urges', 'handler1'));
    expect(h1.units.map((u) => u.unitId)).toEqual([hrss]);
    expect(countOf(h1, hrss)).toBe(before.hrss);
    expect(listed(h1, a).map((x) => [x.text, x.petitionNo, x.byName])).toEqual([
      ['二次催办', petitionNo, '李明'],
      ['信访人再次来访，催促尽快办理', petitionNo, '李明'],
    ]);
    expect(h1.urges.every((x) => x.unitId === hrss)).toBe(true);
    const forbidden = await get(`/api/units/urges?unitId=${housing}`, 'handler1');
    expect(forbidden.statusCode).toBe(403);
    expect(json(forbidden).error).toBe('auth.notYourUnit');

    // Window staff see every unit's count, and the urges on their own window's cases.
    const r2 = json<UnitUrges>(await get('/api/units/urges', 'reception2'));
    expect(countOf(r2, hrss)).toBe(before.hrss);
    expect(listed(r2, a)).toEqual([]);
    expect(listed(json<UnitUrges>(await get('/api/units/urges', 'reception1')), b)).toHaveLength(1);
    const onlyHousing = json<UnitUrges>(await get(`/api/units/urges?unitId=${housing}`, 'director'));
    expect(onlyHousing.units.map((u) => u.unitId)).toEqual([housing]);
    expect(onlyHousing.urges.every((x) => x.unitId === housing)).toBe(true);
    expect((await get('/api/units/urges', 'registrar')).statusCode).toBe(403);
  });

  it('the inbox and the supervision list cost the same few queries however many open cases there are (no N+1)', async () => {
    let queries = 0;
    // transformResult runs once per executed query (transformQuery also runs for each subquery).
    const counted = t.database.db.withPlugin({
      transformQuery: (a) => a.node,
      transformResult: async (a) => {
        queries++;
        return a.result;
      },
    });
    const svc = new WorklistService({ ...t.deps, database: { ...t.database, db: counted } });
    const ctxOf = async (username: string): Promise<Ctx> => {
      const s = (await repositories(t.database.db).staff.findByUsername(username))!;
      const roles = s.roles as Role[];
      return {
        actor: {
          id: s.id,
          username: s.username,
          displayName: s.display_name,
          roles,
          permissions: permissionsOf(roles),
          hallId: s.hall_id,
          windowId: s.window_id,
          unitId: s.unit_id,
          sessionId: 'test',
        },
        requestId: 'test',
        now: t.clock.now,
        lang: 'zh-CN',
      };
    };
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const who of ['director', 'reception1', 'lead1', 'handler1']) {
        const ctx = await ctxOf(who);
        queries = 0;
        await svc.inbox(ctx);
        out[`inbox:${who}`] = queries;
        queries = 0;
        await svc.supervisionDue(ctx, {});
        out[`due:${who}`] = queries;
      }
      return out;
    };
    const first = await measure();
    for (let i = 0; i < 4; i++) await proposed();
    for (let i = 0; i < 4; i++) await handling();
    const second = await measure();
    expect(second).toEqual(first);
    expect(Math.max(...Object.values(first))).toBeLessThanOrEqual(11);
    const director = await svc.inbox(await ctxOf('director'));
    expect(category(director, 'approvals')!.count).toBeGreaterThanOrEqual(4);
  });
});
