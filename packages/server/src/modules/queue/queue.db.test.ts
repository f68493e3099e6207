/**
 * The queue over HTTP on every dialect (issue 4, R2.1): numbering per service and day, the kiosk's
 * checks, the calling order with priority weights, calling a specific number, redirect and present,
 * recall → no-show, start/end, park/resume, transfer, the wait estimate, statistics, the trail of
 * queue events and the permissions. Each test runs on a fresh queue day (the fake clock moves on).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import type { FloorEvent } from '../../context.ts';
import { idLookupKey } from '../reception/personal-data.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

const START = Date.parse('2026-11-30T02:00:00Z'); // 10:00 in China
const MINUTE = 60_000;
const VALID_ID = '11010519491231002X';

describe.each(testDialects())('queue on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let day = 0;
  const services: Record<string, { id: number; prefix: string; windowIds: number[] }> = {};
  const windowIds: Record<number, number> = {};

  beforeAll(async () => {
    // Sessions must outlive the days the clock jumps over.
    t = await createTestApp(dialect, { config: { sessionIdleMinutes: 60 * 24 * 400, sessionMaxHours: 24 * 400 } });
    for (const u of ['admin', 'registrar', 'reception1', 'reception2', 'reception6', 'guide', 'office'])
      cookies[u] = await t.login(u);
    for (const s of json(await call('admin', 'GET', '/api/queue/services'))) services[s.prefix] = s;
    for (const w of await t.database.db.selectFrom('hall_window').select(['id', 'number']).execute())
      windowIds[w.number] = w.id;
  });
  afterAll(() => t?.close());

  /** A new queue day at 10:00 China time: earlier days' tickets are out of the way. */
  const newDay = () => {
    day += 1;
    t.clock.now = new Date(START + day * 24 * 60 * MINUTE);
  };
  const advance = (minutes: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + minutes * MINUTE);
  };
  function call(user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    return t.app.inject({ method, url, headers: user ? { cookie: cookies[user] } : {}, payload: payload as object });
  }
  const kiosk = (body: unknown) => call(null, 'POST', '/api/public/halls/SZ/tickets', body);
  const kioskTicket = async (prefix: string, extra: object = {}) => {
    const res = await kiosk({ serviceId: services[prefix].id, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const callNext = (user: string) => call(user, 'POST', '/api/queue/window/call-next');
  const act = (user: string, id: number, action: string, version?: number) =>
    call(user, 'POST', `/api/queue/tickets/${id}/action`, { action, version });
  const eventsOf = (ticketId: number) =>
    t.database.db.selectFrom('queue_event').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  const ticketRow = (id: number) =>
    t.database.db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ok = (res: Parameters<typeof json>[0]) => {
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const createService = async (input: object) =>
    ok(
      await call('admin', 'POST', '/api/queue/services', {
        kind: 'departmentWindow',
        opensAt: '00:00',
        closesAt: '24:00',
        dailyMax: 300,
        maxRecalls: 2,
        windowIds: [],
        ...input,
      }),
    );

  it('R2.1: numbers run A001, A002… per service and day and restart the next China day', async () => {
    newDay();
    const a1 = await kioskTicket('A');
    const a2 = await kioskTicket('A');
    const b1 = await kioskTicket('B');
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
    expect(a1).toMatchObject({ serviceName: '信访登记', hallName: '苏州市联合接访大厅', windowNumber: 7 });
    // 23:59 China time is still the same queue day; 00:00 the next one.
    t.clock.now = new Date(
      Date.parse(`${new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T15:59:00Z`),
    );
    expect((await kioskTicket('A')).number).toBe('A003');
    advance(1);
    expect((await kioskTicket('A')).number).toBe('A001');
    const rows = await t.database.db
      .selectFrom('queue_ticket')
      .select(['day', 'number'])
      .where('service_id', '=', services.A.id)
      .execute();
    expect(new Set(rows.map((r) => `${r.day}/${r.number}`)).size).toBe(rows.length);
  });

  it('R2.1: the daily maximum and the opening hours refuse a ticket and write nothing', async () => {
    newDay();
    const small = await createService({
      code: 'small',
      prefix: 'S',
      name: '小业务',
      dailyMax: 2,
      windowIds: [windowIds[6]],
    });
    await kioskTicket('A'); // another service is not counted
    for (const n of ['S001', 'S002']) expect((await kiosk({ serviceId: small.id })).body).toContain(n);
    const over = await kiosk({ serviceId: small.id });
    expect(over.statusCode).toBe(409);
    expect(json(over).error).toBe('queue.dailyMaxReached');
    expect(json(over).message).toContain('2');
    const count = await t.database.db
      .selectFrom('queue_ticket')
      .select('id')
      .where('service_id', '=', small.id)
      .execute();
    expect(count).toHaveLength(2);

    const office = await createService({
      code: 'office',
      prefix: 'H',
      name: '办公时间业务',
      opensAt: '08:30',
      closesAt: '17:00',
    });
    t.clock.now = new Date(t.clock.now.getTime() + 8 * 60 * MINUTE); // 18:00 China
    const closed = await kiosk({ serviceId: office.id });
    expect(closed.statusCode).toBe(400);
    expect(json(closed).error).toBe('queue.closed');
    expect(json(closed).message).toContain('08:30');
    expect(
      await t.database.db.selectFrom('queue_sequence').selectAll().where('service_id', '=', office.id).execute(),
    ).toEqual([]);
    const info = ok(await call(null, 'GET', '/api/public/halls/SZ/kiosk'));
    expect(info.services.find((s: { id: number }) => s.id === office.id).open).toBe(false);
    expect(info.services.find((s: { id: number }) => s.id === small.id).available).toBe(false);
    expect(info.priorities.map((p: { code: string }) => p.code)).not.toContain('appointment');
  });

  it('R2.1: an ID at the kiosk is checked, kept only as its lookup hash and links the petitioner; appointment is staff only', async () => {
    newDay();
    const bad = await kiosk({ serviceId: services.A.id, idType: 'resident', idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatch(/^id\./);
    expect(json(bad).fields[0].path).toBe('idNumber');

    ok(await call('registrar', 'POST', '/api/registrations', await demoRegistration(t)));
    const res = await kiosk({ serviceId: services.A.id, idType: 'resident', idNumber: VALID_ID });
    expect(res.body).not.toContain(VALID_ID);
    const row = await ticketRow(json(res).id);
    const petitioner = await t.database.db.selectFrom('petitioner').selectAll().executeTakeFirstOrThrow();
    expect(row.id_hash).toBe(petitioner.id_hash);
    expect(row.petitioner_id).toBe(petitioner.id);
    expect(JSON.stringify(row)).not.toContain(VALID_ID);

    const appointment = await kiosk({ serviceId: services.A.id, priority: 'appointment' });
    expect(appointment.statusCode).toBe(400);
    expect(json(appointment).error).toBe('queue.appointmentStaffOnly');
    const byGuide = ok(
      await call('guide', 'POST', '/api/queue/tickets', { serviceId: services.B.id, priority: 'appointment' }),
    );
    expect((await ticketRow(byGuide.id)).weight).toBe(3);
    expect((await kiosk({ serviceId: services.A.id, priority: 'vip' })).statusCode).toBe(400);
  });

  it('R2.1: call next follows the priority weights: an elderly visitor issued later passes a normal one', async () => {
    newDay();
    const normal = await kioskTicket('B');
    advance(3);
    const elderly = await kioskTicket('B', { priority: 'elderly' });
    advance(7);
    // normal waited 10 min (score 10), elderly 7 min × 2 = 14.
    const first = ok(await callNext('reception1'));
    expect(first).toMatchObject({ id: elderly.id, status: 'called', windowNumber: 1, priorityName: '老年人' });
    expect(first.actions).toEqual(expect.arrayContaining(['recall', 'start', 'transfer']));
    const busy = await callNext('reception1');
    expect(busy.statusCode).toBe(409);
    expect(json(busy).error).toBe('queue.currentCalled');
    ok(await act('reception1', elderly.id, 'start'));
    // Call next while serving: the current one ends (done) and the next is called, one request.
    const second = ok(await callNext('reception1'));
    expect(second.id).toBe(normal.id);
    expect((await ticketRow(elderly.id)).status).toBe('done');
    ok(await act('reception1', normal.id, 'start'));
    const empty = await callNext('reception1');
    expect(empty.statusCode).toBe(404);
    expect(json(empty).error).toBe('queue.empty');
    // An empty queue changes nothing: the ticket being served stays.
    expect((await ticketRow(normal.id)).status).toBe('serving');
    ok(await act('reception1', normal.id, 'end'));
  });

  it('R2.1: a specific number is called at its window; another service’s ticket is redirected, and present says where to go', async () => {
    newDay();
    const b = await kioskTicket('B');
    const c = await kioskTicket('C');
    const redirect = await call('reception1', 'POST', '/api/queue/window/call', { number: c.number });
    expect(redirect.statusCode).toBe(409);
    expect(json(redirect).error).toBe('queue.redirect');
    expect(json(redirect).message).toContain('2 号窗口');
    expect((await ticketRow(c.id)).status).toBe('waiting');

    const present = ok(
      await call('reception1', 'POST', '/api/queue/window/present', { number: c.number.toLowerCase() }),
    );
    expect(present.servedHere).toBe(false);
    expect(present.windows).toEqual([{ id: windowIds[2], number: 2, name: '市住建局窗口' }]);
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.action)).toEqual(['issue', 'redirect']);
    expect(events[1].window_id).toBe(windowIds[1]);
    expect(ok(await call('reception1', 'POST', '/api/queue/window/present', { number: b.number })).servedHere).toBe(
      true,
    );

    const called = ok(await call('reception1', 'POST', '/api/queue/window/call', { number: b.number }));
    expect(called).toMatchObject({ id: b.id, status: 'called' });
    expect((await call('reception2', 'POST', '/api/queue/window/call', { number: b.number })).statusCode).toBe(409);
    const missing = await call('reception1', 'POST', '/api/queue/window/call', { number: 'B999' });
    expect(missing.statusCode).toBe(404);
    expect(json(missing).error).toBe('queue.ticketNotFound');
    ok(await act('reception1', b.id, 'start'));
    ok(await act('reception1', b.id, 'end'));
    ok(await call('reception2', 'POST', '/api/queue/window/call', { number: c.number }));
    ok(await act('reception2', c.id, 'start'));
    ok(await act('reception2', c.id, 'end'));
  });

  it('R2.1: recall counts; a no-show only after the configured recalls; every change leaves a queue event', async () => {
    newDay();
    const b = await kioskTicket('B');
    ok(await callNext('reception1'));
    const early = await act('reception1', b.id, 'noShow');
    expect(early.statusCode).toBe(400);
    expect(json(early).error).toBe('queue.noShowTooEarly');
    expect(ok(await act('reception1', b.id, 'recall')).recallCount).toBe(1);
    const twice = ok(await act('reception1', b.id, 'recall'));
    expect(twice.recallCount).toBe(2);
    expect(twice.actions).toContain('noShow');
    expect(twice.actions).not.toContain('recall');
    expect(json(await act('reception1', b.id, 'recall')).error).toBe('queue.recallLimit');
    // Another window may not touch it; a stale version is refused.
    expect(json(await act('reception2', b.id, 'noShow')).error).toBe('queue.otherWindow');
    expect(json(await act('reception1', b.id, 'noShow', twice.version - 1)).error).toBe('queue.stale');
    const gone = ok(await act('reception1', b.id, 'noShow', twice.version));
    expect(gone.status).toBe('noShow');
    expect(gone.events.map((e: { action: string }) => e.action)).toEqual([
      'issue',
      'call',
      'recall',
      'recall',
      'noShow',
    ]);
    expect(gone.events[1]).toMatchObject({
      windowNumber: 1,
      actorName: '李明',
      fromStatus: 'waiting',
      toStatus: 'called',
    });
    expect((await eventsOf(b.id)).map((e) => e.action)).toEqual(['issue', 'call', 'recall', 'recall', 'noShow']);
    // The window is free again.
    expect(ok(await call('reception1', 'GET', '/api/queue/window')).current).toBeNull();
  });

  it('R2.1: start, park while fetching a document, resume and end; the window holds one current ticket at a time', async () => {
    newDay();
    const first = await kioskTicket('B');
    const second = await kioskTicket('B');
    ok(await callNext('reception1'));
    ok(await act('reception1', first.id, 'start'));
    const parked = ok(await act('reception1', first.id, 'park'));
    expect(parked.status).toBe('parked');
    expect(parked.actions).toEqual(expect.arrayContaining(['resume', 'end', 'transfer']));
    const panel = ok(await call('reception1', 'GET', '/api/queue/window'));
    expect(panel.parked.map((x: { id: number }) => x.id)).toEqual([first.id]);
    expect(panel.waiting.map((x: { id: number }) => x.id)).toEqual([second.id]);
    expect(panel.services.map((s: { name: string }) => s.name)).toEqual(['人社业务']);
    ok(await callNext('reception1'));
    const busy = await act('reception1', first.id, 'resume');
    expect(busy.statusCode).toBe(409);
    expect(json(busy).error).toBe('queue.windowBusy');
    expect((await ticketRow(first.id)).status).toBe('parked');
    ok(await act('reception1', second.id, 'start'));
    ok(await act('reception1', second.id, 'end'));
    expect(ok(await act('reception1', first.id, 'resume')).status).toBe('serving');
    const done = ok(await act('reception1', first.id, 'end'));
    expect(done.status).toBe('done');
    expect(done.events.map((e: { action: string }) => e.action)).toEqual([
      'issue',
      'call',
      'start',
      'park',
      'resume',
      'end',
    ]);
  });

  it('R2.1: a transfer keeps the arrival time and lands in the other window’s queue ahead of later arrivals', async () => {
    newDay();
    const b = await kioskTicket('B');
    advance(5);
    const c = await kioskTicket('C');
    advance(5);
    ok(await callNext('reception1'));
    ok(await act('reception1', b.id, 'start'));
    const moved = ok(
      await call('reception1', 'POST', `/api/queue/tickets/${b.id}/transfer`, {
        serviceId: services.C.id,
        note: '住建问题',
      }),
    );
    expect(moved).toMatchObject({
      status: 'waiting',
      serviceId: services.C.id,
      windowId: null,
      transferCount: 1,
      issuedAt: b.issuedAt,
    });
    const row = await ticketRow(b.id);
    expect(row.issued_at).toBe(b.issuedAt);
    const event = (await eventsOf(b.id)).at(-1)!;
    expect(event.action).toBe('transfer');
    expect(JSON.parse(event.data!)).toMatchObject({
      fromServiceId: services.B.id,
      toServiceId: services.C.id,
      fromWindowId: windowIds[1],
    });
    const panel2 = ok(await call('reception2', 'GET', '/api/queue/window'));
    expect(panel2.waiting.map((x: { id: number }) => x.id)).toEqual([b.id, c.id]);
    expect(ok(await callNext('reception2')).id).toBe(b.id);
    ok(await act('reception2', b.id, 'start'));

    // To one window: only that window calls it.
    const to6 = ok(await call('reception2', 'POST', `/api/queue/tickets/${b.id}/transfer`, { windowId: windowIds[6] }));
    expect(to6.targetWindowId).toBe(windowIds[6]);
    expect(ok(await call('reception2', 'GET', '/api/queue/window')).waiting.map((x: { id: number }) => x.id)).toEqual([
      c.id,
    ]);
    expect(ok(await callNext('reception6')).id).toBe(b.id);
    const same = await call('reception6', 'POST', `/api/queue/tickets/${b.id}/transfer`, { windowId: windowIds[6] });
    expect(json(same).error).toBe('queue.transferSame');
    expect((await call('reception6', 'POST', `/api/queue/tickets/${b.id}/transfer`, {})).statusCode).toBe(400);
  });

  it('capability 8: the ticket shows the people ahead and a wait estimated from recent service times', async () => {
    newDay();
    // reception6 works at window 4 (公安业务, E) today: two visitors served 10 minutes each.
    await t.database.db
      .updateTable('staff_user')
      .set({ window_id: windowIds[4] })
      .where('username', '=', 'reception6')
      .execute();
    for (let i = 0; i < 2; i++) {
      const e = await kioskTicket('E');
      ok(await callNext('reception6'));
      ok(await act('reception6', e.id, 'start'));
      advance(10);
      ok(await act('reception6', e.id, 'end'));
    }
    const first = await kioskTicket('E');
    expect(first).toMatchObject({ ahead: 0, estimatedMinutes: 0, windowNumber: 4 });
    await kioskTicket('E');
    const third = await kioskTicket('E');
    expect(third.ahead).toBe(2);
    expect(third.estimatedMinutes).toBe(20);
    await t.database.db
      .updateTable('staff_user')
      .set({ window_id: windowIds[6] })
      .where('username', '=', 'reception6')
      .execute();
  });

  it('capability 8: statistics per service and window: issued, served, no-shows, waiting and service times', async () => {
    newDay();
    const date = new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const served = await kioskTicket('B');
    const missed = await kioskTicket('B');
    await kioskTicket('C');
    advance(4);
    ok(await callNext('reception1'));
    ok(await act('reception1', served.id, 'start'));
    advance(6);
    ok(await callNext('reception1')); // ends `served` after 6 minutes, calls `missed`
    ok(await act('reception1', missed.id, 'recall'));
    ok(await act('reception1', missed.id, 'recall'));
    ok(await act('reception1', missed.id, 'noShow'));

    const stats = ok(await call('office', 'GET', `/api/queue/stats?from=${date}&to=${date}&by=service`));
    const b = stats.rows.find((r: { serviceId: number }) => r.serviceId === services.B.id);
    expect(b).toMatchObject({
      day: date,
      name: '人社业务',
      issued: 2,
      served: 1,
      noShows: 1,
      serviceAvg: 6,
      hour: null,
    });
    expect(b.waitAvg).toBe(7); // 4 and 10 minutes to the first call
    expect(stats.total).toMatchObject({ issued: 3, served: 1, noShows: 1 });
    const byWindow = ok(await call('office', 'GET', `/api/queue/stats?from=${date}&to=${date}&by=window&byHour=true`));
    expect(byWindow.rows).toEqual([
      expect.objectContaining({ windowId: windowIds[1], name: '市人社局窗口', hour: 10, issued: 2 }),
    ]);
    expect((await call('office', 'GET', `/api/queue/stats?from=${date}&to=2020-01-01`)).statusCode).toBe(400);
    expect((await call('office', 'GET', '/api/queue/stats?from=2024-01-01&to=2025-12-31')).statusCode).toBe(400);
  });

  it('R2.1 → R1.1: serving a ticket opens the visitor’s registration and matters (masked), only at the window holding it', async () => {
    newDay();
    const reg = ok(await call('registrar', 'POST', '/api/registrations', await demoRegistration(t)));
    const matterId = reg.matterId;
    const ticket = ok(
      await call('registrar', 'POST', '/api/queue/tickets', {
        serviceId: services.B.id,
        targetWindowId: windowIds[1],
        matterId,
      }),
    );
    expect(ticket.windowNumber).toBe(1);
    const before = ok(await call('reception2', 'GET', `/api/queue/tickets/${ticket.id}`));
    expect(before.petitioner).toBeNull();
    expect(before.matters).toEqual([]);
    const detail = ok(await callNext('reception1'));
    expect(detail.id).toBe(ticket.id);
    expect(detail.matterId).toBe(matterId);
    expect(detail.petitioner).toEqual({ id: expect.any(Number), name: '张三', idNumberMasked: '1101**********002X' });
    expect(detail.matters.map((m: { id: number }) => m.id)).toContain(matterId);
    expect(detail.disorderAlert).toBe(false);
    expect(JSON.stringify(detail)).not.toContain(VALID_ID);
    ok(await act('reception1', ticket.id, 'start'));
    ok(await act('reception1', ticket.id, 'end'));
  });

  it('R2.3: a listed person taking a kiosk ticket raises a discreet alert; the window holding the ticket sees the flag', async () => {
    newDay();
    const otherId = '110101199003074477';
    await t.database.db
      .insertInto('disorder_entry')
      .values({
        hall_id: 1,
        person_name_enc: t.deps.cipher.encrypt('李四'),
        id_type: 'resident',
        id_hash: t.deps.cipher.hash(idLookupKey('resident', otherId)),
        id_enc: null,
        id_masked: null,
        description: null,
        status: 'listed',
        expires_on: '2099-12-31',
        created_at: t.clock.now.toISOString(),
        created_by: null,
        decided_at: null,
        decided_by: null,
        decision_note: null,
        removed_at: null,
        removed_by: null,
        removal_reason: null,
      })
      .execute();
    const ticket = await kioskTicket('B', { idType: 'resident', idNumber: otherId });
    // The kiosk never tells the visitor.
    expect(JSON.stringify(ticket)).not.toMatch(/disorder|alert/i);
    const alerts = await t.database.db
      .selectFrom('disorder_alert')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].source).toBe('kiosk');
    const detail = ok(await callNext('reception1'));
    expect(detail).toMatchObject({ id: ticket.id, disorderAlert: true });
    ok(await act('reception1', ticket.id, 'start'));
    ok(await act('reception1', ticket.id, 'end'));
  });

  it('every change is announced on the floor bus after it commits', async () => {
    newDay();
    const seen: FloorEvent[] = [];
    const off = t.deps.bus.subscribe((e) => seen.push(e));
    try {
      const b = await kioskTicket('B');
      ok(await callNext('reception1'));
      ok(await act('reception1', b.id, 'start'));
      ok(await act('reception1', b.id, 'end'));
      await vi.waitFor(() =>
        expect(seen.filter((e) => e.ticketId === b.id).map((e) => e.action)).toEqual(['issue', 'call', 'start', 'end']),
      );
    } finally {
      off();
    }
  });

  it('administrator: services (hours, unique prefix, windows of the hall) and priority groups, audited; others may not', async () => {
    newDay();
    const base = {
      code: 'liaison',
      prefix: 'J',
      name: '法官联络',
      kind: 'judgeLiaison',
      opensAt: '09:00',
      closesAt: '17:00',
      dailyMax: 50,
      maxRecalls: 3,
      windowIds: [windowIds[6]],
    };
    const created = ok(await call('admin', 'POST', '/api/queue/services', base));
    expect(created).toMatchObject({ prefix: 'J', windowIds: [windowIds[6]], active: true });
    const dup = await call('admin', 'POST', '/api/queue/services', { ...base, code: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(json(dup)).toMatchObject({ error: 'queue.prefixTaken', fields: [{ path: 'prefix' }] });
    const hours = await call('admin', 'POST', '/api/queue/services', {
      ...base,
      code: 'x2',
      prefix: 'K',
      opensAt: '17:00',
      closesAt: '09:00',
    });
    expect(json(hours).error).toBe('queue.badHours');
    const window = await call('admin', 'POST', '/api/queue/services', {
      ...base,
      code: 'x3',
      prefix: 'K',
      windowIds: [99999],
    });
    expect(json(window).error).toBe('queue.windowNotInHall');
    const updated = ok(
      await call('admin', 'PUT', `/api/queue/services/${created.id}`, { ...base, name: '法官联络室', windowIds: [] }),
    );
    expect(updated).toMatchObject({ name: '法官联络室', windowIds: [] });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'queue_service')
      .where('entity_id', '=', String(created.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['queue.service.create', 'queue.service.update']);

    // A prefix cannot change on a day its numbers are out: G001 under a new prefix could repeat a number.
    await kioskTicket('G');
    const { id: gId, ...g } = services['G'];
    const renamed = await call('admin', 'PUT', `/api/queue/services/${gId}`, { ...g, prefix: 'Q' });
    expect(renamed.statusCode).toBe(400);
    expect(json(renamed)).toMatchObject({ error: 'queue.prefixInUseToday', fields: [{ path: 'prefix' }] });
    expect((await t.database.db.selectFrom('queue_service').select('prefix').where('id', '=', gId).executeTakeFirstOrThrow()).prefix).toBe('G');
    advance(24 * 60);
    expect(ok(await call('admin', 'PUT', `/api/queue/services/${gId}`, { ...g, prefix: 'Q' })).prefix).toBe('Q');

    const noNormal = await call('admin', 'PUT', '/api/queue/priorities', [
      { code: 'elderly', name: '老年人', weight: 2 },
    ]);
    expect(json(noNormal).error).toBe('queue.normalRequired');
    const list = [
      { code: 'normal', name: '普通', nameEn: 'Normal', weight: 1 },
      { code: 'elderly', name: '老年人', nameEn: 'Elderly', weight: 2.5 },
      { code: 'appointment', name: '预约', nameEn: 'Appointment', weight: 3 },
    ];
    expect(ok(await call('admin', 'PUT', '/api/queue/priorities', list)).map((p: { code: string }) => p.code)).toEqual([
      'normal',
      'elderly',
      'appointment',
    ]);
    expect((await kioskTicket('A', { priority: 'elderly' })).number).toBe('A001');
    expect(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'queue.priorities.replace')
          .execute()
      ).length,
    ).toBe(1);
    expect(ok(await call('reception1', 'GET', '/api/queue/priorities'))).toHaveLength(3);

    // Permissions: a registrar cannot manage services or see the statistics; a guide issues but does not call; the administrator does not call.
    expect(
      (await call('registrar', 'POST', '/api/queue/services', { ...base, code: 'yy', prefix: 'Y' })).statusCode,
    ).toBe(403);
    expect((await call('registrar', 'PUT', '/api/queue/priorities', list)).statusCode).toBe(403);
    expect((await call('registrar', 'GET', '/api/queue/stats?from=2026-12-01&to=2026-12-01')).statusCode).toBe(403);
    expect((await call('guide', 'POST', '/api/queue/window/call-next')).statusCode).toBe(403);
    expect((await call('admin', 'POST', '/api/queue/window/call-next')).statusCode).toBe(403);
    expect((await call('reception1', 'POST', '/api/queue/tickets', { serviceId: services.B.id })).statusCode).toBe(200);
    expect((await call(null, 'GET', '/api/queue/window')).statusCode).toBe(401);
    const noWindow = await call('office', 'GET', '/api/queue/stats?from=2026-12-01&to=2026-12-01');
    expect(noWindow.statusCode).toBe(200);
    expect((await call(null, 'GET', '/api/public/halls/XX/kiosk')).statusCode).toBe(404);
  });

  it('R2.1: a taken code is reported on the code field and a taken prefix on the prefix field, also when only the constraint sees it', async () => {
    const base = {
      name: '唯一性检查',
      kind: 'departmentWindow',
      opensAt: '09:00',
      closesAt: '17:00',
      dailyMax: 50,
      maxRecalls: 2,
      windowIds: [],
    };
    const save = (body: object) => call('admin', 'POST', '/api/queue/services', { ...base, ...body });
    const expectTaken = async (body: object, field: 'code' | 'prefix', value: string) => {
      const res = await save(body);
      expect(res.statusCode, res.body).toBe(409);
      expect(json(res)).toMatchObject({
        error: field === 'code' ? 'queue.codeTaken' : 'queue.prefixTaken',
        fields: [{ path: field }],
      });
      expect(json(res).message).toContain(value);
    };
    ok(await save({ code: 'unique-a', prefix: 'UA' }));
    const countOf = async () =>
      (await t.database.db.selectFrom('queue_service').select('id').execute()).length;
    const services = await countOf();

    // The check before the write, in the save's transaction.
    await expectTaken({ code: 'unique-a', prefix: 'UB' }, 'code', 'unique-a');
    await expectTaken({ code: 'unique-b', prefix: 'UA' }, 'prefix', 'UA');

    // Another administrator's save committed after that check: the unique constraint refuses the
    // write, and its name (PostgreSQL) or columns (SQLite) say which field is taken.
    const queueRepository = Object.getPrototypeOf(repositories(t.database.db).queue);
    const missed = vi.spyOn(queueRepository, 'findServiceBy').mockResolvedValue(undefined);
    try {
      await expectTaken({ code: 'unique-a', prefix: 'UB' }, 'code', 'unique-a');
      await expectTaken({ code: 'unique-b', prefix: 'UA' }, 'prefix', 'UA');
    } finally {
      missed.mockRestore();
    }

    // Any other unique violation in the save (here a window linked twice) is no taken prefix or code.
    const linkTwice = vi
      .spyOn(queueRepository, 'setServiceWindows')
      .mockImplementation(async function (this: { db: typeof t.database.db }, serviceId: unknown) {
        const link = { service_id: serviceId as number, window_id: windowIds[6] };
        await this.db.insertInto('queue_service_window').values([link, link]).execute();
      });
    try {
      const res = await save({ code: 'unique-c', prefix: 'UC' });
      expect(res.statusCode, res.body).toBe(500);
      expect(json(res).error).toBe('internal');
    } finally {
      linkTwice.mockRestore();
    }
    expect(await countOf()).toBe(services);
    expect(ok(await save({ code: 'unique-c', prefix: 'UC' }))).toMatchObject({ code: 'unique-c', prefix: 'UC' });
    // A window named twice in the input is one link, never a server error.
    const twice = ok(await save({ code: 'twice-w', prefix: 'TW', windowIds: [windowIds[6], windowIds[6]] }));
    expect(twice.windowIds).toEqual([windowIds[6]]);
  });
});
