/**
 * Personal data in lists and single-record views (issue 8 §3: "masked in lists and logs, and every view
 * of it is audited"), over HTTP on every dialect in DIALECTS:
 * - every list endpoint that names a petitioner or visitor shows the name masked ('张**'), never in full;
 * - the single-record views that open a full name (the matter's detail, the ticket served at the window,
 *   an accountability dossier with documents addressed to the petitioner) write an audit row for the
 *   view — one per actor, record and 10 minutes (view-audit.ts), however often the screen polls;
 * - the view rows hold ids only, no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
import { type Role, gb11643CheckChar, maskName, permissionsOf } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Ctx } from '../../context.ts';
import { VIEW_AUDIT_WINDOW_MS } from '../../view-audit.ts';
import { newMatter, newPetitioner } from '../../factories.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';
import { CaseService } from '../cases/case.service.ts';

const idNumber = (body17: string) => body17 + gb11643CheckChar(body17);

/** Names chosen so that neither the full name nor the given name can appear by accident. */
const P1 = { name: '欧阳明月', id: idNumber('32050519800101003'), phone: '13900001111' };
const P2 = { name: '司马长风', id: idNumber('32050519750505004'), phone: '13900002222' };
const VISITOR = { name: '令狐冲霄', id: idNumber('32050619751212005') };
const DISORDERLY = { name: '上官飞燕', id: idNumber('32050619800808006') };
const FULL_NAMES = [P1.name, P2.name, VISITOR.name, DISORDERLY.name];
const SECRETS = [...FULL_NAMES, P1.id, P2.id, VISITOR.id, DISORDERLY.id, P1.phone, P2.phone];
const USERS = ['registrar', 'reception1', 'reception2', 'lead1', 'director', 'handler1', 'guide', 'office'];

describe.each(testDialects())('personal data in lists and views on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids = { staff: {} as Record<string, number>, m1: 0, m1b: 0, m2: 0, ticket: 0, p1: 0 };

  const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who]! },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
    return json(res);
  };
  const act = async (id: number, who: string, action: string, body: Record<string, unknown> = {}) => {
    // The version is read straight from the table: a GET of the detail would itself be a view.
    const { version } = await t.database.db
      .selectFrom('matter')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return ok('POST', `/api/matters/${id}/actions/${action}`, who, { ...body, version });
  };
  const register = async (p: { name: string; id: string; phone: string }, extra: Record<string, unknown> = {}) => {
    const base = await demoRegistration(t);
    return ok('POST', '/api/registrations', 'registrar', {
      ...base,
      petitioner: { ...base.petitioner, name: p.name, idNumber: p.id, phone: p.phone },
      ...extra,
    });
  };
  const viewRows = (action: string, entityId?: number) => {
    let q = t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action);
    if (entityId !== undefined) q = q.where('entity_id', '=', String(entityId));
    return q.orderBy('id').execute();
  };
  /** Moves the clock and signs everyone in again (idle sessions expire). */
  const advance = async (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
    for (const u of USERS) cookies[u] = await t.login(u);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of USERS) cookies[u] = await t.login(u);
    const staff = await t.database.db.selectFrom('staff_user').select(['id', 'username']).execute();
    ids.staff = Object.fromEntries(staff.map((s) => [s.username, s.id]));

    // P1: registered twice (earlier matters), the second time with a ticket for window 1.
    ids.m1b = (await register(P1)).matterId;
    const r1 = await register(P1, { issueTicket: true });
    ids.m1 = r1.matterId;
    ids.ticket = r1.ticket.id;
    ids.p1 = (
      await t.database.db
        .selectFrom('matter')
        .select('petitioner_id')
        .where('id', '=', ids.m1)
        .executeTakeFirstOrThrow()
    ).petitioner_id;

    // P2: a case the unit handles (supervision schedule, the unit's inbox).
    // Made by the factories: the petitioner sealed as at the desk, the case in the unit's hands.
    const p2 = await newPetitioner(t, { name: P2.name, idNumber: P2.id, phone: P2.phone });
    ids.m2 = (await newMatter(t, { state: 'handling', petitionerId: p2.id })).id;

    // The guide desk: a visitor, and an incident that puts a person on the disorder list.
    await ok('POST', '/api/floor/visits', 'guide', {
      personName: VISITOR.name,
      idType: 'resident',
      idNumber: VISITOR.id,
      purpose: '查询案件进度',
      outcome: 'pointedElsewhere',
    });
    await ok('POST', '/api/floor/disorder/incidents', 'guide', {
      personName: DISORDERLY.name,
      idType: 'resident',
      idNumber: DISORDERLY.id,
      occurredAt: '2026-11-30T01:30:00Z',
      kind: 'blockingWindow',
      description: '堵塞窗口，拒绝离开',
      informed: ['dutyBailiff'],
    });
  });
  afterAll(() => t?.close());

  it('masks names the domain way: the surname, a compound surname whole, two stars', () => {
    expect(maskName(P1.name)).toBe('欧阳**');
    expect(maskName(P2.name)).toBe('司马**');
    expect(maskName(VISITOR.name)).toBe('令狐**');
    expect(maskName(DISORDERLY.name)).toBe('上官**');
  });

  it('every list shows petitioners and visitors masked, never by full name', async () => {
    const lists: [string, string][] = [
      ['/api/matters?scope=today', 'reception1'],
      ['/api/matters?scope=open', 'reception1'],
      ['/api/matters?scope=all', 'director'],
      ['/api/matters?scope=all', 'lead1'],
      ['/api/matters?scope=all', 'handler1'],
      // A search by the exact full name finds the matters (keyed hash) and still answers masked.
      [`/api/matters?scope=all&q=${encodeURIComponent(P1.name)}`, 'director'],
      ['/api/inbox', 'reception1'],
      ['/api/inbox', 'director'],
      ['/api/inbox', 'handler1'],
      ['/api/supervision/due', 'lead1'],
      ['/api/supervision/due', 'handler1'],
      ['/api/units/urges', 'director'],
      ['/api/accountability', 'director'],
      ['/api/floor/visits', 'guide'],
      ['/api/floor/lingering', 'guide'],
      ['/api/floor/disorder', 'guide'],
      ['/api/floor/disorder', 'lead1'],
      ['/api/floor/alerts?all=true', 'guide'],
    ];
    for (const [url, who] of lists) {
      const res = await get(url, who);
      expect(res.statusCode, `${url} as ${who}: ${res.body.slice(0, 200)}`).toBe(200);
      for (const secret of SECRETS) expect(res.body, `${url} as ${who} shows ${secret}`).not.toContain(secret);
    }

    // And the masked names are there, where a list names someone.
    const all = (await ok('GET', '/api/matters?scope=all', 'director')).items;
    const nameOf = (id: number) => all.find((m: { id: number }) => m.id === id)?.petitionerName;
    expect([nameOf(ids.m1), nameOf(ids.m1b), nameOf(ids.m2)]).toEqual(['欧阳**', '欧阳**', '司马**']);
    const found = (await ok('GET', `/api/matters?scope=all&q=${encodeURIComponent(P1.name)}`, 'director')).items;
    expect(found.map((m: { id: number }) => m.id).sort()).toEqual([ids.m1, ids.m1b].sort());
    const reception = (await ok('GET', '/api/inbox', 'reception1')).categories.find(
      (c: { key: string }) => c.key === 'reception',
    );
    expect(reception.items.find((x: { matterId: number }) => x.matterId === ids.m1).petitionerName).toBe('欧阳**');
    const due = await ok('GET', '/api/supervision/due', 'lead1');
    expect(due.cases.find((c: { matterId: number }) => c.matterId === ids.m2).petitionerName).toBe('司马**');
    const signFor = await ok('GET', '/api/inbox', 'handler1');
    const items = signFor.categories.flatMap(
      (c: { items: { matterId: number; petitionerName: string | null }[] }) => c.items,
    );
    expect(
      items
        .filter((x: { matterId: number }) => x.matterId === ids.m2)
        .map((x: { petitionerName: string }) => x.petitionerName),
    ).toContain('司马**');
    expect((await ok('GET', '/api/floor/visits', 'guide')).map((v: { personName: string }) => v.personName)).toContain(
      '令狐**',
    );
    const entries = await ok('GET', '/api/floor/disorder', 'guide');
    expect(entries.map((e: { personName: string }) => e.personName)).toContain('上官**');
    // The entry's detail (audited, disorder.view) opens the full name for staff to recognise the person.
    const entry = entries.find((e: { personName: string }) => e.personName === '上官**');
    expect((await ok('GET', `/api/floor/disorder/${entry.id}`, 'guide')).personName).toBe(DISORDERLY.name);
  });

  it('lists inside a single-record view are masked too; the record itself shows the full name', async () => {
    // The registration desk's look-up (audited petitioner.lookup): the prefill in full, earlier visits masked.
    const lookup = await ok('GET', `/api/petitioners/lookup?idType=resident&idNumber=${P1.id}`, 'registrar');
    expect(lookup.petitioner.name).toBe(P1.name);
    expect(lookup.earlierMatters.length).toBeGreaterThanOrEqual(2);
    expect(lookup.earlierMatters.every((m: { petitionerName: string }) => m.petitionerName === '欧阳**')).toBe(true);

    const detail = await ok('GET', `/api/matters/${ids.m1}`, 'reception1');
    expect(detail.petitionerName).toBe(P1.name);
    expect(detail.petitioner.name).toBe(P1.name);
    expect(detail.earlierMatters.map((m: { id: number }) => m.id)).toEqual([ids.m1b]);
    expect(detail.earlierMatters[0].petitionerName).toBe('欧阳**');

    // The ticket served at the window: see the window panel's test below.
  });

  it("opening a matter's detail writes one matter.view row per actor and 10 minutes, and none for a refused view or an action's answer", async () => {
    await advance(VIEW_AUDIT_WINDOW_MS + 60_000); // past the views of the earlier tests
    const before = (await viewRows('matter.view', ids.m1b)).length;
    for (let i = 0; i < 3; i++) {
      await ok('GET', `/api/matters/${ids.m1b}`, 'reception1');
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    }
    let rows = await viewRows('matter.view', ids.m1b);
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ entity: 'matter', entity_id: String(ids.m1b), actor_id: ids.staff.reception1 });
    expect(row.request_id).toBeTruthy();
    expect(JSON.parse(row.after_data!)).toEqual({ petitionerId: ids.p1 });
    expect(row.before_data).toBeNull();

    // Another actor is another view.
    await ok('GET', `/api/matters/${ids.m1b}`, 'director');
    rows = await viewRows('matter.view', ids.m1b);
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)!.actor_id).toBe(ids.staff.director);

    // A receptionist of another window is refused: no view, no row.
    expect((await get(`/api/matters/${ids.m1b}`, 'reception2')).statusCode).toBe(403);
    // An action answers with the detail; its own audit row records it, no view row is added.
    await ok('PUT', `/api/matters/${ids.m1b}/reception`, 'reception1', {
      visitKind: 'repeat',
      earlierHandling: [],
      version: 1,
    });
    expect(await viewRows('matter.view', ids.m1b)).toHaveLength(before + 2);

    // After the window, the same actor's view is a new row.
    await advance(VIEW_AUDIT_WINDOW_MS);
    await ok('GET', `/api/matters/${ids.m1b}`, 'reception1');
    expect(await viewRows('matter.view', ids.m1b)).toHaveLength(before + 3);
  });

  it('the window panel, polled every 4 s, audits the served visitor once per actor and 10 minutes', async () => {
    await advance(VIEW_AUDIT_WINDOW_MS + 60_000);
    const called = await ok('POST', '/api/queue/window/call-next', 'reception1');
    expect(called.id).toBe(ids.ticket);
    // The call's answer shows the visitor; the call's own audit row (queue.ticket.call) records it.
    expect(called.petitioner.name).toBe(P1.name);
    const before = (await viewRows('queue.ticket.view', ids.ticket)).length;

    for (let i = 0; i < 10; i++) {
      const panel = await ok('GET', '/api/queue/window', 'reception1');
      expect(panel.current.id).toBe(ids.ticket);
      expect(panel.current.petitioner.name).toBe(P1.name);
      expect(panel.current.matters.length).toBeGreaterThanOrEqual(2);
      expect(panel.current.matters.every((m: { petitionerName: string }) => m.petitionerName === '欧阳**')).toBe(true);
      // The waiting and parked lists carry numbers, no names.
      for (const secret of SECRETS) expect(JSON.stringify([panel.waiting, panel.parked])).not.toContain(secret);
      t.clock.now = new Date(t.clock.now.getTime() + 4_000);
    }
    // The ticket's own page within the same window of time is the same view.
    await ok('GET', `/api/queue/tickets/${ids.ticket}`, 'reception1');
    let rows = await viewRows('queue.ticket.view', ids.ticket);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      entity: 'queue_ticket',
      entity_id: String(ids.ticket),
      actor_id: ids.staff.reception1,
    });
    expect(JSON.parse(rows.at(-1)!.after_data!)).toEqual({ petitionerId: ids.p1, matterId: ids.m1 });

    // Ten more minutes of polling: one more row.
    await advance(VIEW_AUDIT_WINDOW_MS);
    await ok('GET', '/api/queue/window', 'reception1');
    await ok('GET', '/api/queue/window', 'reception1');
    rows = await viewRows('queue.ticket.view', ids.ticket);
    expect(rows).toHaveLength(before + 2);

    // A window that does not hold the ticket sees no visitor, and writes no view row.
    const other = await ok('GET', `/api/queue/tickets/${ids.ticket}`, 'reception2');
    expect(other.petitioner).toBeNull();
    expect(await viewRows('queue.ticket.view', ids.ticket)).toHaveLength(before + 2);
  });

  it('a dossier whose documents are addressed to the petitioner is an audited view, once per actor and 10 minutes', async () => {
    // The unit's opinion (意见书) is addressed to the petitioner by full name.
    await act(ids.m2, 'handler1', 'issueOpinion', {
      outcome: 'support',
      facts: '企业拖欠工资属实',
      reasons: '依据劳动合同法',
      basis: '《劳动合同法》第三十条',
    });
    const proposal = await ok('POST', '/api/accountability', 'reception1', {
      matterId: ids.m2,
      trigger: 'wrongHandling',
      reason: '未调查核实即出具意见',
    });
    // The list of inquiries names no one.
    const list = await get('/api/accountability', 'director');
    for (const secret of SECRETS) expect(list.body).not.toContain(secret);
    for (let i = 0; i < 3; i++) {
      const dossier = await ok('GET', `/api/accountability/${proposal.id}`, 'director');
      expect(
        dossier.documents.some((d: { content: Record<string, unknown> }) => d.content.petitionerName === P2.name),
      ).toBe(true);
    }
    const rows = await viewRows('accountability.view', proposal.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'accountability', actor_id: ids.staff.director });
    expect(JSON.parse(rows[0]!.after_data!)).toEqual({ matterId: ids.m2 });
  });

  it("the view's audit costs the detail one look-up on a repeat view, and one small append on the first", async () => {
    await advance(VIEW_AUDIT_WINDOW_MS + 60_000);
    let queries = 0;
    const counted = t.database.db.withPlugin({
      transformQuery: (a) => a.node,
      transformResult: async (a) => {
        queries++;
        return a.result;
      },
    });
    const svc = new CaseService({ ...t.deps, database: { ...t.database, db: counted } });
    const s = (await repositories(t.database.db).staff.findByUsername('reception1'))!;
    const roles = s.roles as Role[];
    const ctx: Ctx = {
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
      requestId: 'count',
      now: t.clock.now,
      lang: 'zh-CN',
    };
    const costs: number[] = [];
    for (let i = 0; i < 4; i++) {
      queries = 0;
      await svc.get(ctx, ids.m1);
      costs.push(queries);
    }
    const [first, ...repeats] = costs;
    expect(new Set(repeats).size).toBe(1);
    // The append: the chain head read and advanced, the row inserted.
    expect(first!).toBeGreaterThan(repeats[0]!);
    expect(first! - repeats[0]!).toBeLessThanOrEqual(3);
    expect(await viewRows('matter.view', ids.m1).then((r) => r.filter((x) => x.request_id === 'count'))).toHaveLength(
      1,
    );
  });

  it('no view row holds personal data: ids only', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', [
        'matter.view',
        'queue.ticket.view',
        'accountability.view',
        'petitioner.lookup',
        'disorder.view',
      ])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['matter.view', 'queue.ticket.view', 'accountability.view', 'petitioner.lookup', 'disorder.view']),
    );
    for (const r of rows) {
      const text = `${r.before_data ?? ''}${r.after_data ?? ''}`;
      for (const secret of SECRETS) expect(text, `${r.action} #${r.id}`).not.toContain(secret);
      for (const v of Object.values(JSON.parse(r.after_data ?? '{}') as Record<string, unknown>)) {
        expect(v === null || typeof v === 'number', `${r.action} #${r.id}: ${String(v)}`).toBe(true);
      }
    }
  });
});
