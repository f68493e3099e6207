/**
 * R2.3a over HTTP on every dialect: the guide's list of visitors who linger — a ticket taken an hour
 * ago and never called, the day's no-shows, and near the hall's closing everyone whose ticket is not
 * finished. Only the guide and the list's readers see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
import { createTestApp, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('visitors who linger on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let serviceId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { sessionIdleMinutes: 24 * 60, sessionMaxHours: 24 * 7 } });
    t.clock.now = new Date('2026-11-30T02:00:00Z'); // 10:00 in China
    for (const u of ['guide', 'reception6', 'reception1', 'director']) cookies[u] = await t.login(u);
    const info = json(await t.app.inject({ method: 'GET', url: '/api/public/halls/SZ/kiosk' }));
    serviceId = info.services.find((s: { prefix: string }) => s.prefix === 'G').id; // window 6
  });
  afterAll(() => t?.close());

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user] }, payload });
  const kiosk = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/halls/SZ/tickets', payload: { serviceId } });
    expect(res.statusCode, res.body).toBe(200);
    return json(res).number as string;
  };
  const list = async (user = 'guide') => {
    const res = await as(user, 'GET', '/api/floor/lingering');
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const advanceTo = (iso: string) => {
    t.clock.now = new Date(iso);
  };

  it('lists the long wait and the no-show, then near closing everyone still in the hall', async () => {
    const first = await kiosk();
    const second = await kiosk();
    // Window 6 calls the first; the visitor never comes: two recalls, then a no-show.
    const called = json(await as('reception6', 'POST', '/api/queue/window/call-next'));
    expect(called.number).toBe(first);
    for (const action of ['recall', 'recall', 'noShow']) {
      const res = await as('reception6', 'POST', `/api/queue/tickets/${called.id}/action`, { action });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await list()).items).toEqual([
      expect.objectContaining({ number: first, reason: 'noShow', status: 'noShow', windowNumber: 6 }),
    ]);

    advanceTo('2026-11-30T03:01:00Z'); // 11:01: the second has waited 61 minutes, never called
    const third = await kiosk();
    const at11 = await list();
    expect(at11.closingSoon).toBe(false);
    expect(at11.closesAt).toBe('24:00'); // the demo services are open all day
    expect(at11.items.map((x: { number: string; reason: string; minutes: number }) => [x.number, x.reason, x.minutes])).toEqual([
      [second, 'longWait', 61],
      [first, 'noShow', 61],
    ]);

    advanceTo('2026-11-30T15:40:00Z'); // 23:40, twenty minutes before the hall closes
    const late = await list('director');
    expect(late.closingSoon).toBe(true);
    expect(late.items.map((x: { number: string; reason: string }) => [x.number, x.reason])).toEqual([
      [second, 'closing'],
      [third, 'closing'],
      [first, 'noShow'],
    ]);
  });

  it('window staff do not see the list', async () => {
    expect((await as('reception1', 'GET', '/api/floor/lingering')).statusCode).toBe(403);
  });
});
