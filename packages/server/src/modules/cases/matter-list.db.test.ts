/**
 * The matter list pages with a cursor and tells its total (issue 9 §2), on every dialect: walking
 * the pages with limits 2 to 5 gives every row of the list exactly once, newest first (ties on the
 * registration time broken by id), under each scope and a search; the total counts the whole list;
 * a cursor the server did not write is a 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_STATES, chinaDate, chinaDayBounds } from '@hall/domain';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

const MARK = '翻页核对';

describe.each(testDialects())('the matter list in pages on %s', (dialect) => {
  let t: TestApp;
  let director: string;
  let reception1: string;
  let window1: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    director = await t.login('director');
    reception1 = await t.login('reception1');
    const res = await t.app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: await t.login('registrar') }, payload: await demoRegistration(t) });
    expect(res.statusCode, res.body).toBe(200);
    const template = await t.database.db.selectFrom('matter').selectAll().where('id', '=', json(res).matterId).executeTakeFirstOrThrow();
    window1 = template.window_id;
    const { id: _id, ...rest } = template;
    const day = chinaDayBounds(chinaDate(t.clock.now));
    const r = repositories(t.database.db);
    // 18 more matters: 11 today (four of them at one instant, to try the tie-breaker), 7 the day
    // before; every third one closed, every other one carrying the search word; two at another window.
    const otherWindow = (await t.database.db.selectFrom('hall_window').select('id').where('hall_id', '=', template.hall_id).where('id', '!=', window1).executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 18; i++) {
      const today = i < 11;
      const start = Date.parse(day.start);
      const at = !today ? start - 3_600_000 - i * 60_000 : i >= 3 && i <= 6 ? start + 30 * 60_000 : start + (1 + i) * 60_000;
      await r.matters.insert({
        ...rest,
        petition_no: `${template.petition_no}-P${i}`,
        query_code: `PG${String(i).padStart(6, '0')}`,
        registered_at: new Date(at).toISOString(),
        state: i % 3 === 0 ? 'closed' : 'registered',
        summary: i % 2 === 0 ? `${MARK}：第${i}件` : `其他事项${i}`,
        window_id: i === 5 || i === 12 ? otherWindow : window1,
      });
    }
  });
  afterAll(() => t?.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  /** What the list must hold: the hall's matters from the table, filtered and sorted here. */
  async function expected(f: { scope: 'today' | 'open' | 'all'; q?: string; windowId?: number }) {
    const day = chinaDayBounds(chinaDate(t.clock.now));
    const rows = await t.database.db.selectFrom('matter').select(['id', 'registered_at', 'state', 'summary', 'petition_no', 'window_id']).execute();
    return rows
      .filter((m) => f.scope !== 'today' || (m.registered_at >= day.start && m.registered_at < day.end))
      .filter((m) => f.scope !== 'open' || !(CLOSED_STATES as readonly string[]).includes(m.state))
      .filter((m) => !f.q || m.summary.includes(f.q) || m.petition_no.includes(f.q))
      .filter((m) => f.windowId === undefined || m.window_id === f.windowId)
      .sort((a, b) => (a.registered_at === b.registered_at ? b.id - a.id : a.registered_at < b.registered_at ? 1 : -1))
      .map((m) => m.id);
  }

  /** Follows nextCursor to the end; every page's total and size are checked on the way. */
  async function walk(query: string, cookie: string, limit: number) {
    const ids: number[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url = `/api/matters?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(url, cookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const page = json<{ items: { id: number }[]; total: number; nextCursor: string | null }>(res);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      if (page.nextCursor !== null) expect(page.items.length).toBe(limit);
      ids.push(...page.items.map((m) => m.id));
      totals.add(page.total);
      cursor = page.nextCursor;
      pages++;
      expect(pages, 'the walk ends').toBeLessThan(100);
    } while (cursor !== null);
    return { ids, totals: [...totals], pages };
  }

  it.each([2, 3, 4, 5])('walks every row exactly once, in order, with limit=%i, under each scope and a search', async (limit) => {
    for (const f of [
      { scope: 'all' as const },
      { scope: 'today' as const },
      { scope: 'open' as const },
      { scope: 'all' as const, q: MARK },
      { scope: 'today' as const, q: MARK },
      { scope: 'open' as const, q: MARK },
    ]) {
      const want = await expected(f);
      const { ids, totals, pages } = await walk(`scope=${f.scope}${f.q ? `&q=${encodeURIComponent(f.q)}` : ''}`, director, limit);
      expect(ids, JSON.stringify(f)).toEqual(want);
      expect(totals, JSON.stringify(f)).toEqual([want.length]);
      expect(pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
    }
    // The unfiltered list needs at least three pages at every limit tried.
    expect(Math.ceil((await expected({ scope: 'all' })).length / limit)).toBeGreaterThanOrEqual(3);
  });

  it("a window's receptionist pages through her own window's matters only", async () => {
    const want = await expected({ scope: 'today', windowId: window1 });
    expect(want.length).toBeGreaterThan(6);
    const { ids, totals } = await walk('scope=today', reception1, 3);
    expect(ids).toEqual(want);
    expect(totals).toEqual([want.length]);
  });

  it('answers 50 rows by default and refuses a limit outside 1–200', async () => {
    const page = json(await get('/api/matters?scope=all', director));
    expect(page.total).toBe((await expected({ scope: 'all' })).length);
    expect(page.items.length).toBe(Math.min(50, page.total));
    for (const limit of ['0', '201', '-1', '2.5', 'x']) {
      const res = await get(`/api/matters?scope=all&limit=${limit}`, director);
      expect(res.statusCode, `limit=${limit}`).toBe(400);
      expect(json(res).error).toBe('validation');
    }
    expect((await get('/api/matters?scope=all&limit=200', director)).statusCode).toBe(200);
  });

  it('an empty page has no next cursor', async () => {
    const page = json(await get(`/api/matters?scope=all&q=${encodeURIComponent('没有这样的事项')}`, director));
    expect(page).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('a cursor the server did not write is a 400 with a plain message, never a 500', async () => {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    const forged = [
      'abc',
      b64('x|1'),
      b64('2026-11-30T00:00:00.000Z'),
      b64('2026-11-30T00:00:00.000Z|0'),
      b64('2026-11-30T00:00:00.000Z|-3'),
      b64('2026-11-30T00:00:00.000Z|1|2'),
      b64('2026-11-30T00:00:00.000Z|99999999999'),
      b64('2026-13-45T00:00:00.000Z|1'),
      b64("2026-11-30T00:00:00.000Z' or 1=1 --|1"),
      b64('2026-11-30T00:00:00.000Z|1').slice(0, -1),
    ];
    for (const cursor of forged) {
      const res = await get(`/api/matters?scope=all&limit=2&cursor=${cursor}`, director);
      expect(res.statusCode, `${cursor}: ${res.body}`).toBe(400);
      expect(json(res)).toMatchObject({ error: 'list.badCursor' });
      expect(json(res).message).toContain('列表');
    }
    const en = await t.app.inject({ method: 'GET', url: '/api/matters?scope=all&cursor=abc', headers: { cookie: director, 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(json(en).message).toContain('position in the list');
    // Not even base64url, or too long: refused by the contract.
    for (const cursor of ['%21%21', 'a'.repeat(201), 'a+b/c=']) {
      const res = await get(`/api/matters?scope=all&cursor=${encodeURIComponent(cursor)}`, director);
      expect(res.statusCode, cursor).toBe(400);
      expect(json(res).error).toBe('validation');
    }
    // A well-formed cursor past the last row: an empty last page, with the total.
    const past = json(await get(`/api/matters?scope=all&cursor=${b64('2000-01-01T00:00:00.000Z|1')}`, director));
    expect(past.items).toEqual([]);
    expect(past.nextCursor).toBeNull();
    expect(past.total).toBe((await expected({ scope: 'all' })).length);
  });
});
