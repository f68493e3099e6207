/**
 * Several instances, one queue (issue 4, R2.1): on PostgreSQL two app instances on one database,
 * each with its own connection pool, as two servers behind one address would be; on SQLite one
 * instance does all of it. 200 tickets are issued at once over both instances (no number twice),
 * then 10 windows press "call next" over both instances until the queue is empty (each window calls,
 * starts, and calls again — which ends the one it was serving): every ticket is called exactly once,
 * and no window ever holds two tickets.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';
import { hashPassword } from '../auth/auth.service.ts';

const TICKETS = 200;
const WINDOWS = 10;

describe.each(testDialects())('queue across instances on %s', (dialect) => {
  let t: TestApp;
  let secondDb: Database | undefined;
  let second: FastifyInstance | undefined;
  /** The instances: two on PostgreSQL, one on SQLite. */
  const apps: FastifyInstance[] = [];
  let serviceId: number;
  const windows: { id: number; cookie: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    apps.push(t.app);
    if (dialect === 'postgres') {
      secondDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
      second = (
        await buildApp({ config: testConfig(), database: secondDb, key: randomBytes(32), clock: () => t.clock.now })
      ).app;
      await second.ready();
      apps.push(second);
    }
    // Ten windows serving one service, a receptionist at each.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const r = repositories(t.database.db);
    const hall = (await r.org.listHalls())[0];
    const service = await r.queue.insertService({
      hall_id: hall.id,
      code: 'load',
      prefix: 'L',
      name: '并发测试业务',
      name_en: null,
      kind: 'other',
      opens_at: '00:00',
      closes_at: '24:00',
      daily_max: 999,
      max_recalls: 2,
      sort: 99,
      active: 1,
    });
    serviceId = service.id;
    const ids: number[] = [];
    for (let i = 0; i < WINDOWS; i++) {
      const w = await r.org.insertWindow({
        hall_id: hall.id,
        number: 100 + i,
        name: `并发窗口${i}`,
        kind: 'general',
        unit_id: null,
        active: 1,
      });
      const s = await r.staff.insert({
        username: `load${i}`,
        display_name: `并发${i}`,
        password_hash: passwordHash,
        hall_id: hall.id,
        window_id: w.id,
        active: 1,
        created_at: t.clock.now.toISOString(),
      });
      await r.staff.setRoles(s.id, ['receptionist']);
      ids.push(w.id);
    }
    await r.queue.setServiceWindows(service.id, ids);
    for (const [i, id] of ids.entries()) windows.push({ id, cookie: await t.login(`load${i}`) });
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.destroy();
    await t?.close();
  });

  it(`issues ${TICKETS} tickets at once over ${dialect === 'postgres' ? 'two instances' : 'one instance'}: no number twice`, async () => {
    const responses = await Promise.all(
      Array.from({ length: TICKETS }, (_, i) =>
        apps[i % apps.length].inject({ method: 'POST', url: '/api/public/halls/SZ/tickets', payload: { serviceId } }),
      ),
    );
    expect(responses.filter((res) => res.statusCode !== 200).map((res) => res.body)).toEqual([]);
    const numbers = responses.map((res) => json(res).number as string);
    expect(new Set(numbers).size).toBe(TICKETS);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: TICKETS }, (_, i) => `L${String(i + 1).padStart(3, '0')}`),
    );
    const rows = await t.database.db
      .selectFrom('queue_ticket')
      .select(['id', 'seq'])
      .where('service_id', '=', serviceId)
      .execute();
    expect(rows).toHaveLength(TICKETS);
    const seq = await t.database.db
      .selectFrom('queue_sequence')
      .selectAll()
      .where('service_id', '=', serviceId)
      .executeTakeFirstOrThrow();
    expect(seq.last_value).toBe(TICKETS);
  });

  it(`${WINDOWS} windows press "call next" at once over the instances until the queue is empty: every ticket called exactly once`, async () => {
    const unexpected: string[] = [];
    const calledBy = new Map<number, number[]>();
    const work = async (w: { id: number; cookie: string }, index: number) => {
      const mine: number[] = [];
      calledBy.set(w.id, mine);
      for (let round = 0; ; round++) {
        // Each window alternates instances, so that calls and starts of one window cross them too.
        const app = apps[(index + round) % apps.length];
        const res = await app.inject({
          method: 'POST',
          url: '/api/queue/window/call-next',
          headers: { cookie: w.cookie },
        });
        if (res.statusCode === 404 && json(res).error === 'queue.empty') return;
        if (res.statusCode !== 200) {
          unexpected.push(res.body);
          return;
        }
        const ticket = json(res);
        mine.push(ticket.id);
        const start = await apps[(index + round + 1) % apps.length].inject({
          method: 'POST',
          url: `/api/queue/tickets/${ticket.id}/action`,
          headers: { cookie: w.cookie },
          payload: { action: 'start' },
        });
        if (start.statusCode !== 200) unexpected.push(start.body);
      }
    };
    await Promise.all(windows.map((w, i) => work(w, i)));
    expect(unexpected).toEqual([]);

    const events = await t.database.db
      .selectFrom('queue_event')
      .innerJoin('queue_ticket', 'queue_ticket.id', 'queue_event.ticket_id')
      .select(['queue_event.id', 'queue_event.ticket_id', 'queue_event.action', 'queue_event.window_id'])
      .where('queue_ticket.service_id', '=', serviceId)
      .orderBy('queue_event.id')
      .execute();
    const calls = events.filter((e) => e.action === 'call');
    // Every ticket called, each exactly once, and the windows' answers agree with the trail.
    expect(calls).toHaveLength(TICKETS);
    expect(new Set(calls.map((e) => e.ticket_id)).size).toBe(TICKETS);
    expect([...calledBy.values()].flat().sort((a, b) => a - b)).toEqual(
      calls.map((e) => e.ticket_id).sort((a, b) => a - b),
    );
    // The work was shared: more than one window called.
    expect([...calledBy.values()].filter((ids) => ids.length > 0).length).toBeGreaterThan(1);

    // No window ever held two: before each of its calls, the ticket it called before had ended.
    for (const w of windows) {
      const mine = calls.filter((e) => e.window_id === w.id);
      for (let i = 1; i < mine.length; i++) {
        const previousEnd = events.find((e) => e.ticket_id === mine[i - 1].ticket_id && e.action === 'end');
        expect(
          previousEnd,
          `window ${w.id}: ticket ${mine[i - 1].ticket_id} still held at the next call`,
        ).toBeDefined();
        expect(previousEnd!.id).toBeLessThan(mine[i].id);
      }
    }
    const statuses = await t.database.db
      .selectFrom('queue_ticket')
      .select(['status', 'window_id'])
      .where('service_id', '=', serviceId)
      .execute();
    expect(statuses.filter((s) => s.status === 'waiting')).toEqual([]);
    const serving = statuses.filter((s) => s.status === 'serving');
    // Each window that called ends with its last ticket in service: one per window at most.
    expect(new Set(serving.map((s) => s.window_id)).size).toBe(serving.length);
    expect(statuses.filter((s) => s.status === 'done')).toHaveLength(TICKETS - serving.length);
  });
});
