/**
 * The display board (issue 4, capability 4; R2.1) on every dialect: the snapshot after issue, call,
 * start and recall, with no personal data; the live stream (a real HTTP client) that sends a snapshot
 * at connect and a `call` with its announcement after a call; closing the app with screens connected;
 * and on PostgreSQL ("Several instances") a board connected to instance 1 that hears, within a second,
 * a call made on instance 2.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardCall, BoardSnapshot } from '@hall/contracts';
import { openDatabase } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';

interface StreamMessage {
  event: string;
  data: unknown;
  /** performance.now() when the message arrived. */
  at: number;
}

/** A board screen: reads the event stream over real HTTP, as the browser's EventSource would. */
async function openBoard(base: string, hallCode = 'SZ') {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/public/halls/${hallCode}/board/stream`, { signal: abort.signal });
  const received: StreamMessage[] = [];
  const comments: string[] = [];
  let wake: () => void = () => {};
  let ended = false;
  const pump = (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) received.push({ event, data: JSON.parse(data.join('\n')), at: performance.now() });
        }
        wake();
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      wake();
    }
  })();
  return {
    res,
    received,
    /** Waits for the next message of this kind, optionally one that matches (skipping earlier ones of the kind). */
    async next<T>(event: string, match: (data: T) => boolean = () => true): Promise<{ data: T; at: number }> {
      for (;;) {
        const i = received.findIndex((m) => m.event === event && match(m.data as T));
        if (i >= 0) {
          const m = received[i];
          // Consumed: this message and the earlier ones of its kind; messages of other kinds stay (a call and
          // the snapshot showing it travel separately and may arrive in either order).
          for (let j = i; j >= 0; j--) if (received[j].event === event) received.splice(j, 1);
          return { data: m.data as T, at: m.at };
        }
        if (ended) throw new Error(`stream ended before a ${event} event`);
        await new Promise<void>((r) => (wake = r));
      }
    },
    ended: () => pump.then(() => ended),
    close: () => abort.abort(),
  };
}

const listen = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
};

for (const dialect of testDialects()) {
  describe(`display board on ${dialect}`, () => {
    let t: TestApp;
    let base: string;
    const cookies: Record<string, string> = {};
    let serviceId: number;
    const windowIds: Record<number, number> = {};

    const issue = async (body: Record<string, unknown> = {}) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/halls/SZ/tickets',
        payload: { serviceId, ...body },
      });
      expect(res.statusCode, res.body).toBe(200);
      return json<{ id: number; number: string }>(res);
    };
    const callNext = async (who: string, app = t.app) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/queue/window/call-next',
        headers: { cookie: cookies[who] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return json<{ id: number; number: string; version: number }>(res);
    };
    const act = async (who: string, ticketId: number, action: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/queue/tickets/${ticketId}/action`,
        headers: { cookie: cookies[who] },
        payload: { action },
      });
      expect(res.statusCode, res.body).toBe(200);
      return json(res);
    };
    const board = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/halls/SZ/board' });
      expect(res.statusCode, res.body).toBe(200);
      return json<BoardSnapshot>(res);
    };
    /** Ends what a window holds, so that the next test starts with free windows. */
    const clearWindows = async () => {
      for (const e of (await board()).current) {
        const who = e.windowNumber === 1 ? 'reception1' : 'reception2';
        if (e.status === 'called') await act(who, e.ticketId, 'start');
        await act(who, e.ticketId, 'end');
      }
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      for (const u of ['admin', 'reception1', 'reception2']) cookies[u] = await t.login(u);
      for (const w of await t.database.db.selectFrom('hall_window').select(['id', 'number']).execute())
        windowIds[w.number] = w.id;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/queue/services',
        headers: { cookie: cookies.admin },
        payload: {
          code: 'boardTest',
          prefix: 'Z',
          name: '显示屏测试业务',
          kind: 'other',
          opensAt: '00:00',
          closesAt: '24:00',
          dailyMax: 999,
          maxRecalls: 2,
          windowIds: [windowIds[1], windowIds[2]],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      serviceId = json(res).id;
      base = await listen(t.app);
    });
    afterAll(() => t?.close());

    it('an unknown hall code is a clear 404, in Chinese by default and in English on request', async () => {
      const zh = await t.app.inject({ method: 'GET', url: '/api/public/halls/NOPE/board' });
      expect(zh.statusCode).toBe(404);
      expect(json(zh)).toMatchObject({ error: 'hall.unknownCode', message: expect.stringContaining('NOPE') });
      expect(json(zh).message).toContain('大厅');
      const en = await t.app.inject({
        method: 'GET',
        url: '/api/public/halls/NOPE/board/stream',
        headers: { 'accept-language': 'en' },
      });
      expect(en.statusCode).toBe(404);
      expect(json(en).message).toBe('No hall has the code "NOPE": check the address of the display or kiosk');
    });

    it('R2.1: the snapshot shows the numbers at each window, the last calls and the waiting counts, without personal data', async () => {
      const empty = await board();
      expect(empty.hall.code).toBe('SZ');
      expect(empty.current).toEqual([]);
      expect(empty.waiting.find((s) => s.serviceId === serviceId)).toMatchObject({ prefix: 'Z', count: 0 });

      const first = await issue({ idType: 'resident', idNumber: '11010519491231002X' });
      const second = await issue();
      await issue();
      expect((await board()).waiting.find((s) => s.serviceId === serviceId)!.count).toBe(3);

      const called = await callNext('reception1');
      expect(called.number).toBe(first.number);
      let b = await board();
      expect(b.current).toEqual([
        expect.objectContaining({
          ticketId: first.id,
          number: first.number,
          windowNumber: 1,
          status: 'called',
          recallCount: 0,
        }),
      ]);
      expect(b.lastCalled[0]).toMatchObject({ ticketId: first.id, windowNumber: 1 });
      expect(b.waiting.find((s) => s.serviceId === serviceId)!.count).toBe(2);

      await act('reception1', first.id, 'start');
      const other = await callNext('reception2');
      expect(other.number).toBe(second.number);
      await act('reception2', second.id, 'recall');
      b = await board();
      expect(b.current.map((e) => [e.number, e.windowNumber, e.status, e.recallCount])).toEqual([
        [first.number, 1, 'serving', 0],
        [second.number, 2, 'called', 1],
      ]);
      // Newest first, a recalled ticket once.
      expect(b.lastCalled.map((e) => e.number)).toEqual([second.number, first.number]);
      expect(b.lastCalled[0].recallCount).toBe(1);
      const text = JSON.stringify(b);
      expect(text).not.toContain('11010519491231002X');
      expect(text).not.toMatch(/idNumber|petitioner|name":"张/);
      await clearWindows();
      expect((await board()).current).toEqual([]);
    });

    it('the stream sends a snapshot at connect, then the call with its announcement and a new snapshot', async () => {
      const screen = await openBoard(base);
      try {
        expect(screen.res.status).toBe(200);
        expect(screen.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(screen.res.headers.get('cache-control')).toMatch(/no-cache/);
        expect(screen.res.headers.get('x-accel-buffering')).toBe('no');
        // The stream carries the security headers too (plugins/security.ts).
        expect(screen.res.headers.get('x-content-type-options')).toBe('nosniff');
        const initial = await screen.next<BoardSnapshot>('snapshot');
        expect(initial.data.current).toEqual([]);

        await issue();
        // Tickets left waiting by earlier tests come first: the call is whichever the window got.
        const ticket = await callNext('reception2');
        const call = await screen.next<BoardCall>('call');
        expect(call.data).toMatchObject({
          ticketId: ticket.id,
          number: ticket.number,
          windowNumber: 2,
          recallCount: 0,
          announcement: `请 ${ticket.number} 号到 2 号窗口办理`,
        });
        const after = await screen.next<BoardSnapshot>('snapshot', (s) => s.current.length > 0);
        expect(after.data.current).toEqual([expect.objectContaining({ ticketId: ticket.id, windowNumber: 2 })]);

        await act('reception2', ticket.id, 'recall');
        expect((await screen.next<BoardCall>('call')).data).toMatchObject({ ticketId: ticket.id, recallCount: 1 });
        await act('reception2', ticket.id, 'start');
        const serving = await screen.next<BoardSnapshot>('snapshot', (s) => s.current[0]?.status === 'serving');
        expect(serving.data.current[0].ticketId).toBe(ticket.id);
        // Starting service is shown, not announced.
        expect(screen.received.filter((m) => m.event === 'call')).toEqual([]);
      } finally {
        screen.close();
        await clearWindows();
      }
    });

    it('closing the app ends its open streams instead of waiting for them', async () => {
      // A second app on the same data (the SQLite connection, or a second pool on PostgreSQL).
      const database =
        dialect === 'postgres' ? openDatabase({ url: t.database.url, onPoolError: () => {} }) : t.database;
      const other = await buildApp({ config: testConfig(), database, key: randomBytes(32), clock: () => t.clock.now });
      let closed = false;
      try {
        const screen = await openBoard(await listen(other.app));
        await screen.next('snapshot');
        await other.app.close();
        closed = true;
        expect(await screen.ended()).toBe(true);
      } finally {
        if (!closed) await other.app.close();
        if (database !== t.database) await database.destroy();
      }
    });

    if (dialect === 'postgres')
      it('Several instances: when the listening connection is lost, screens get a fresh board after it reconnects', async () => {
        const screen = await openBoard(base);
        try {
          await screen.next('snapshot');
          // As a PostgreSQL restart would: the instance's LISTEN session ends.
          await sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and application_name = 'hall-listen-hall_floor'`.execute(t.database.db);
          // Notifications may have been missed meanwhile: a new snapshot, with no change behind it.
          const again = await screen.next<BoardSnapshot>('snapshot');
          expect(again.data.hall.code).toBe('SZ');
          // And calls flow again through the new connection.
          await issue();
          const ticket = await callNext('reception1');
          await screen.next<BoardCall>('call', (c) => c.ticketId === ticket.id);
        } finally {
          screen.close();
          await clearWindows();
        }
      });

    if (dialect === 'postgres')
      it('Several instances: a board on instance 1 receives within a second the call made on instance 2', async () => {
        const secondDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
        const second = await buildApp({
          config: testConfig(),
          database: secondDb,
          key: randomBytes(32),
          clock: () => t.clock.now,
        });
        const screen = await openBoard(base);
        try {
          await screen.next('snapshot');
          await issue();
          // Sessions live in the database: the receptionist's cookie works on either instance.
          const ticket = await callNext('reception1', second.app);
          const answered = performance.now();
          const call = await screen.next<BoardCall>('call', (c) => c.ticketId === ticket.id);
          expect(call.data).toMatchObject({ number: ticket.number, windowNumber: 1 });
          // The bound the issue sets, measured from the call's response to the event at the screen.
          expect(call.at - answered).toBeLessThan(1000);
          // The snapshot that follows shows it too.
          await screen.next<BoardSnapshot>('snapshot', (s) => s.current.some((e) => e.ticketId === ticket.id));
        } finally {
          screen.close();
          await second.app.close();
          await secondDb.destroy();
          await clearWindows();
        }
      });
  });
}
